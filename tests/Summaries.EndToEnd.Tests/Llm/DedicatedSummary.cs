using Summaries.Contracts.Summary.V1;
using Summaries.EndToEnd.Tests.Infrastructure;

namespace Summaries.EndToEnd.Tests.Llm;

/// <summary>
/// A summary process of its own, on the running system's ingestion and entity services, with a
/// scripted LLM of its own and its own LLM timeout: for tests whose failures must not open the
/// shared service's circuit breaker (here it never opens), or that need more time than the shared
/// service's 3 s. Started on first use.
/// </summary>
public abstract class DedicatedSummary(int llmTimeoutSeconds) : IAsyncLifetime
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("summaries-llm-faults-");
    private ServiceProcess? _process;

    public int LlmTimeoutSeconds => llmTimeoutSeconds;

    public ScriptedLlmServer Llm { get; private set; } = null!;

    public SummaryService.SummaryServiceClient Client => new(_process!.Channel);

    public async Task StartAsync(SystemFixture system)
    {
        await _gate.WaitAsync();
        try
        {
            if (_process is not null)
            {
                return;
            }

            Llm ??= await ScriptedLlmServer.StartAsync();
            var process = ServiceProcess.Start("Summaries.Summary", FreePort.Next(), new Dictionary<string, string>
            {
                ["ConnectionStrings__Summary"] = $"Data Source={Path.Combine(_data.FullName, "summary.db")}",
                ["Clients__IngestionAddress"] = $"http://127.0.0.1:{system.Ingestion.Port}",
                ["Clients__EntityAddress"] = $"http://127.0.0.1:{system.Entity.Port}",
                ["Llm__Provider"] = "OpenAI",
                ["Llm__Endpoint"] = Llm.Endpoint,
                ["Llm__Model"] = "scripted-model",
                ["Llm__ApiKey"] = "test-key",
                ["Llm__TimeoutSeconds"] = LlmTimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Llm__MaxRetries"] = "1",
                ["Llm__CircuitBreakerMinimumThroughput"] = "10000",
            });
            try
            {
                await process.WaitHealthyAsync(SystemFixture.SummaryServiceName, TimeSpan.FromSeconds(60));
            }
            catch
            {
                await process.DisposeAsync();
                throw;
            }

            // Kept only once healthy, so a later test does not go on with a process that never started.
            _process = process;
        }
        finally
        {
            _gate.Release();
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>xunit 2 disposes fixtures through IAsyncLifetime (not IAsyncDisposable): the process must not outlive the run.</summary>
    public async Task DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }

        if (Llm is not null)
        {
            await Llm.DisposeAsync();
        }

        _gate.Dispose();
        try
        {
            _data.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}

/// <summary>A dedicated summary with a short LLM timeout (5 s), so that a model that hangs costs little.</summary>
public sealed class FaultTestSummary() : DedicatedSummary(5);

/// <summary>A dedicated summary with a generous LLM timeout (30 s), for slow streams on a busy machine.</summary>
public sealed class StreamTestSummary() : DedicatedSummary(30);
