return LayoutExpert.Driver.Cli.Run(args);
