using Microsoft.Extensions.Options;
using Summaries.Entity.Grpc;
using Summaries.Entity.Registry;
using Summaries.Language;
using Summaries.Language.Tagging;
using Summaries.ServiceDefaults.Probes;

namespace Summaries.Entity;

/// <summary>The entity service's own registrations.</summary>
public static class EntityServiceRegistration
{
    public static WebApplicationBuilder AddEntityService(this WebApplicationBuilder builder)
    {
        builder.Services.AddEntityStore();
        builder.Services.AddStoreReadiness(sp => sp.GetRequiredService<IOptions<EntityStoreOptions>>().Value.Entity);
        builder.Services.AddOptions<EntityOptions>().BindConfiguration(EntityOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<ITextAnnotator>(sp => sp.GetRequiredService<IOptions<EntityOptions>>().Value.Recognizer switch
        {
            RecognizerKind.Rules => new RuleBasedAnnotator(),
            RecognizerKind.Model => NerAnnotators.WithModel(NerModel.LoadShipped()),
            _ => NerAnnotators.Hybrid(NerModel.LoadShipped()),
        });
        builder.Services.AddSingleton<IAnnotationCodec, ProtoAnnotationCodec>();
        builder.Services.AddSingleton<EntityAnnotationService>();
        return builder;
    }
}
