using Summaries.Evaluation;

// Evaluation and benchmarks of the services' own code (no gRPC), run as:
//   dotnet run --project tests/Summaries.Evaluation -c Release -- <command> ...
// Each command prints its headline number as its last line, for scripts to pick up;
// '--help' (after a command or alone) lists the commands and their options.
return EvaluationCommands.Create(Console.Out).Parse(args).Invoke();
