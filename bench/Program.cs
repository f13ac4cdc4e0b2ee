if (args is ["preast-times", .. var rest]) return LayoutExpert.Bench.PreAstFileTimes.Run(rest);
if (args is ["front-times", .. var frontArgs]) return LayoutExpert.Bench.FrontTimes.Run(frontArgs);
if (args is ["flip-times", .. var flipArgs]) return LayoutExpert.Bench.FlipTimes.Run(flipArgs);
if (args is ["bind-times", .. var bindArgs]) return LayoutExpert.Bench.BindTimes.Run(bindArgs);
if (args is ["isf-times", .. var isfArgs]) return LayoutExpert.Bench.IsfWriteTimes.Run(isfArgs);
BenchmarkDotNet.Running.BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
