using Summaries.Entity.Annotation;
using Summaries.Entity.Registry;

namespace Summaries.Entity;

/// <summary>The entity service's own registrations.</summary>
public static class EntityServiceRegistration
{
    public static WebApplicationBuilder AddEntityService(this WebApplicationBuilder builder)
    {
        // Resolved lazily so test hosts can override the connection string.
        builder.Services.AddSingleton(sp => new SqliteEntityStore(
            sp.GetRequiredService<IConfiguration>().GetConnectionString("Entity") ?? "Data Source=.data/entity.db"));
        builder.Services.AddSingleton<ITextAnnotator, RuleBasedAnnotator>();
        builder.Services.AddSingleton<EntityAnnotationService>();
        return builder;
    }
}
