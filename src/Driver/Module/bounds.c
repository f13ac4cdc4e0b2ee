/*
 * LayoutExpert's stand-in for kernel/bounds.c. kbuild compiles that file and
 * writes include/generated/bounds.h from the values gcc computed; here the
 * same expressions are enumeration constants, which LayoutExpert's binder
 * evaluates under the config at hand (see docs/architecture.md).
 * Same headers, same __GENERATING_BOUNDS_H, same expressions as the kernel's.
 */
#define __GENERATING_BOUNDS_H
#include <linux/page-flags.h>
#include <linux/mmzone.h>
#include <linux/kbuild.h>
#include <linux/log2.h>
#include <linux/spinlock_types.h>

enum layout_expert_bounds {
	layout_expert_bound_NR_PAGEFLAGS = __NR_PAGEFLAGS,
	layout_expert_bound_MAX_NR_ZONES = __MAX_NR_ZONES,
#ifdef CONFIG_SMP
	layout_expert_bound_NR_CPUS_BITS = order_base_2(CONFIG_NR_CPUS),
#endif
	layout_expert_bound_SPINLOCK_SIZE = sizeof(spinlock_t),
#ifdef CONFIG_LRU_GEN
	layout_expert_bound_LRU_GEN_WIDTH = order_base_2(MAX_NR_GENS + 1),
	layout_expert_bound___LRU_REFS_WIDTH = MAX_NR_TIERS - 2,
#endif
};
