using System.Diagnostics;

namespace Backend.Integration.Tests.Deployment;

public sealed class ComposeConfigTests
{
    [Fact]
    public async Task Compose_file_is_valid_when_read_with_the_example_settings()
    {
        // The compose plugin where Docker has it; else the standalone docker-compose (Debian's package), which reads
        // the same file with the same command.
        string[] compose = await RunAsync("docker", "compose", "version") is (0, _) ? ["docker", "compose"]
            : await RunAsync("docker-compose", "version") is (0, _) ? ["docker-compose"]
            : [];
        if (compose.Length == 0)
        {
            Assert.Skip("Neither `docker compose` nor `docker-compose` is installed: the compose file was not checked.");
        }

        var (exitCode, output) = await RunAsync(compose[0], [.. compose[1..], "--env-file", ".env.example", "config", "--quiet"]);

        exitCode.ShouldBe(0, output);
    }

    [Fact]
    public void Published_ports_bind_to_loopback_unless_env_names_an_interface()
    {
        var compose = File.ReadAllLines(RepositoryFiles.PathOf("docker-compose.yml"));
        var ports = compose.Select(line => line.Trim())
            .Where(line => line.StartsWith("- \"", StringComparison.Ordinal) && line.Contains(':', StringComparison.Ordinal) && !line.Contains("/", StringComparison.Ordinal))
            .ToList();

        ports.Count.ShouldBeGreaterThanOrEqualTo(6);
        ports.ShouldAllBe(port => port.StartsWith("- \"127.0.0.1:", StringComparison.Ordinal) || port.StartsWith("- \"${", StringComparison.Ordinal) && port.Contains("_BIND:-127.0.0.1}", StringComparison.Ordinal));
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string file, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepositoryFiles.Root };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(startInfo)!;
            var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
            return (process.ExitCode, await output + await error);
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            return (-1, exception.Message);
        }
    }
}
