using System.CommandLine;

using Backend.Bench;

// The benchmark of the whole path: `run` measures everything side by side and writes the results; the other
// commands are its parts, usable alone against any running host.
var root = new RootCommand("Benchmarks the order path against this machine's own ceilings (see docs/performance.md).");
root.Subcommands.Add(BenchCommands.Run());
root.Subcommands.Add(BenchCommands.Load());
root.Subcommands.Add(BenchCommands.Broker());
root.Subcommands.Add(BenchCommands.Seed());
root.Subcommands.Add(BenchCommands.Pages());
return await root.Parse(args).InvokeAsync();
