if (args is ["preast-times", .. var rest]) return LayoutExpert.Bench.PreAstFileTimes.Run(rest);
BenchmarkDotNet.Running.BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
