using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Summaries.Deploy.Tests.Infrastructure;
using Summaries.Ingestion.Options;
using Summaries.Summary.Briefings;
using Summaries.Summary.Clients;

namespace Summaries.Deploy.Tests.Kubernetes;

/// <summary>
/// The client addresses the ConfigMaps set pass the services' own options validation (which runs at
/// start, ValidateOnStart): a dns:/// address rejected there would crash-loop every pod.
/// </summary>
public sealed class ServiceOptionsTests(OverlayRenders renders) : IClassFixture<OverlayRenders>
{
    public static TheoryData<string> Overlays => new() { "dev", "prod", "prod-tls" };

    [SkippableTheory]
    [MemberData(nameof(Overlays))]
    public async Task Bind_IngestionEntityClient_PassesValidation(string overlay)
    {
        var configuration = await ConfigurationOfAsync(overlay, "ingestion");

        var options = configuration.GetSection(EntityClientOptions.SectionName).Get<EntityClientOptions>()!;

        Assert.StartsWith("dns:///", options.Address, StringComparison.Ordinal);
        AssertValid(options);
    }

    [SkippableTheory]
    [MemberData(nameof(Overlays))]
    public async Task Bind_SummaryClients_PassesValidation(string overlay)
    {
        var configuration = await ConfigurationOfAsync(overlay, "summary");

        var options = configuration.GetSection(ClientsOptions.SectionName).Get<ClientsOptions>()!;

        Assert.StartsWith("dns:///", options.IngestionAddress, StringComparison.Ordinal);
        Assert.StartsWith("dns:///", options.EntityAddress, StringComparison.Ordinal);
        AssertValid(options);
    }

    private static void AssertValid(object options)
    {
        var results = new List<ValidationResult>();
        var valid = Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        Assert.True(valid, string.Join('\n', results.Select(r => r.ErrorMessage)));
    }

    /// <summary>The container's literal environment, read the way the host reads environment variables.</summary>
    private async Task<IConfiguration> ConfigurationOfAsync(string overlay, string app)
    {
        var rendered = await renders.GetAsync(overlay);
        var workload = Workload.All(rendered.Objects).Single(w => w.App == app);
        return ContainerEnvironment.Of(workload.Containers.Single(), workload.Namespace, rendered.Objects).ToConfiguration();
    }
}
