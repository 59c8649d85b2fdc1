using Microsoft.Extensions.Options;
using Summaries.Contracts.Entity.V1;
using Summaries.Contracts.Ingestion.V1;
using Summaries.ServiceDefaults.Clients;
using Summaries.ServiceDefaults.Probes;
using Summaries.Summary.Balance;
using Summaries.Summary.Briefings;
using Summaries.Summary.Claims;
using Summaries.Summary.Clients;
using Summaries.Summary.Facts;
using Summaries.Summary.Grpc;
using Summaries.Summary.Llm;
using Summaries.Summary.Neutrality;
using Summaries.Summary.Sources;
using Summaries.Summary.Storage;
using Summaries.Summary.Stories;
using Summaries.Summary.Support;
using Summaries.Summary.Verification;
using Summaries.Summary.Writing.BuiltIn;

namespace Summaries.Summary;

/// <summary>The summary service's own registrations.</summary>
public static class SummaryServiceRegistration
{
    public static WebApplicationBuilder AddSummaryService(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ClientsOptions>().BindConfiguration(ClientsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<LlmOptions>().BindConfiguration(LlmOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<StoryOptions>().BindConfiguration(StoryOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

        services.AddSummariesGrpcClient<IngestionService.IngestionServiceClient>(sp => sp.GetRequiredService<IOptions<ClientsOptions>>().Value.IngestionAddress);
        services.AddSummariesGrpcClient<EntityService.EntityServiceClient>(sp => sp.GetRequiredService<IOptions<ClientsOptions>>().Value.EntityAddress);

        // The stores read (and, for one release, still write) the wire payload of earlier releases through the adapter's codec.
        services.AddSingleton<IBriefingWireCodec, ProtoBriefingPayloads>();
        services.AddBriefingStore();
        services.AddStoreReadiness(sp => sp.GetRequiredService<IOptions<BriefingStoreOptions>>().Value.Summary);
        services.AddSingleton(LoadedLexicon.LoadDefault());
        services.AddSingleton<Neutralizer>();
        services.AddSingleton<FactSheetBuilder>();
        services.AddSingleton(sp => InstructionEchoOf(sp.GetRequiredService<IOptions<LlmOptions>>().Value));
        services.AddSingleton(sp => new SheetSupport(SupportChecker.LoadDefault(), sp.GetRequiredService<LoadedLexicon>()));
        services.AddSingleton(sp => new DraftVerifier(
            sp.GetRequiredService<LoadedLexicon>(), sp.GetRequiredService<InstructionEcho>(), sp.GetRequiredService<SheetSupport>()));
        services.AddSingleton<ClaimCheckService>();
        services.AddSingleton(sp => new BuiltInBriefingWriter(sp.GetRequiredService<Neutralizer>(), sp.GetRequiredService<SheetSupport>()));
        services.AddSingleton<BalanceReporter>();
        services.AddSingleton<SummaryMetrics>();
        services.AddHttpClient("llm", c => c.Timeout = Timeout.InfiniteTimeSpan).AddLlmResilience();
        services.AddSingleton(sp => CreateLlmSlot(sp));
        services.AddSingleton<LlmAttempt>();
        services.AddSingleton<BriefingComposer>();
        services.AddSingleton<SourceGatherer>();
        services.AddSingleton<BriefingService>();
        services.AddSingleton<StoryCandidateSource>();
        services.AddSingleton<StoryService>();
        return builder;
    }

    /// <summary>The LLM's instructions, which no served sentence may repeat; none without an LLM.</summary>
    private static InstructionEcho InstructionEchoOf(LlmOptions options)
    {
        if (!options.IsConfigured)
        {
            return InstructionEcho.None;
        }

        var prompt = PromptLibrary.Load(options);
        return new InstructionEcho([prompt.System, prompt.UserTemplate]);
    }

    private static LlmWriterSlot CreateLlmSlot(IServiceProvider sp)
    {
        var options = sp.GetRequiredService<IOptions<LlmOptions>>().Value;
        if (!options.IsConfigured)
        {
            return new LlmWriterSlot(null);
        }

        var http = sp.GetRequiredService<IHttpClientFactory>().CreateClient("llm");
        var kernel = KernelFactory.Create(options, http);
        return new LlmWriterSlot(new LlmBriefingWriter(kernel, PromptLibrary.Load(options), options));
    }
}
