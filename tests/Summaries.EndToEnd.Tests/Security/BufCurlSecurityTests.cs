using System.Text.Json;

namespace Summaries.EndToEnd.Tests.Security;

/// <summary>
/// An independent client, `buf curl` (npm @bufbuild/buf), against services with TLS, client
/// certificates and API keys on, as the README shows: with the CA, a client certificate and the key
/// it is served; without the key it gets unauthenticated.
/// </summary>
[Collection(SecuredSystemCollection.Name)]
public sealed class BufCurlSecurityTests(SecuredSystemFixture system)
{
    private const string AnnotateText = "summaries.entity.v1.EntityService/AnnotateText";
    private const string Body = """{"text": "Chinese President Xi Jinping met US secretary of state Antony Blinken in Beijing."}""";

    [SkippableFact]
    public async Task BufCurl_MutualTlsWithApiKey_Served()
    {
        var result = await CurlAsync(system.Entity, AnnotateText, Body, ("x-api-key", system.DashboardKey));

        Assert.True(result.ExitCode == 0, $"buf curl failed ({result.ExitCode}): {result.Stderr}");
        var names = JsonDocument.Parse(result.Stdout).RootElement.GetProperty("annotation").GetProperty("entities")
            .EnumerateArray().Select(e => e.GetProperty("displayName").GetString()).ToList();
        Assert.Contains("Xi Jinping", names);
    }

    [SkippableFact]
    public async Task BufCurl_MutualTlsWithBearerToken_Served()
    {
        var result = await CurlAsync(system.Entity, AnnotateText, Body, ("authorization", "Bearer " + system.DashboardKey));

        Assert.True(result.ExitCode == 0, $"buf curl failed ({result.ExitCode}): {result.Stderr}");
    }

    [SkippableFact]
    public async Task BufCurl_WithoutApiKey_Unauthenticated()
    {
        // The summary service leaves reflection anonymous (the default), so the call itself is what is refused.
        var result = await CurlAsync(system.Summary, "summaries.summary.v1.SummaryService/ListBriefings", "{}");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("unauthenticated", result.Stderr, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("requires an API key", result.Stderr, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task BufCurl_WithApiKey_SameCallServed()
    {
        var result = await CurlAsync(system.Summary, "summaries.summary.v1.SummaryService/ListBriefings", "{}", ("x-api-key", system.DashboardKey));

        Assert.True(result.ExitCode == 0, $"buf curl failed ({result.ExitCode}): {result.Stderr}");
    }

    private async Task<CommandRunner.Result> CurlAsync(ServiceProcess service, string method, string body, params (string Name, string Value)[] headers)
    {
        var buf = ExternalTools.Require(ExternalTools.Buf, "buf", "run `npm ci` at the repository root");
        var dashboard = system.Pki.Client("dashboard");
        List<string> arguments =
        [
            "curl", "--protocol", "grpc",
            "--cacert", system.Pki.CaPath, "--cert", dashboard.CertificatePath, "--key", dashboard.KeyPath,
        ];
        foreach (var (name, value) in headers)
        {
            arguments.AddRange(["-H", $"{name}: {value}"]);
        }

        // Where reflection needs the key too (the entity service here), the -H headers go with its requests.
        arguments.AddRange(["--reflect-header", "*", $"https://127.0.0.1:{service.Port}/{method}", "-d", body]);
        return await CommandRunner.RunAsync(buf, arguments);
    }
}
