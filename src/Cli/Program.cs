using PdeNet.Cli;

return PdeNetCommandLine.Run(args, Console.Out, Console.Error);
