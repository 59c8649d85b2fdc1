using Npgsql;
using Summaries.Contracts.Entity.V1;
using Summaries.Contracts.Ingestion.V1;
using Summaries.Contracts.Summary.V1;
using Summaries.EndToEnd.Tests.Infrastructure;

namespace Summaries.EndToEnd.Tests.Storage;

/// <summary>
/// All three service processes on PostgreSQL, each in a schema of its own (as production gives each
/// its own database): the seed is loaded, annotated and summarised, and a restarted summary
/// process finds its briefing and cache again. Skipped without SUMMARIES_TEST_POSTGRES.
/// </summary>
public sealed class PostgresSystemTests : IAsyncLifetime
{
    private readonly PostgresTestSchema _ingestionSchema = new();
    private readonly PostgresTestSchema _entitySchema = new();
    private readonly PostgresTestSchema _summarySchema = new();
    private readonly DirectoryInfo _seeds = Directory.CreateTempSubdirectory("summaries-pg-seeds-");
    private readonly int _ingestionPort = FreePort.Next();
    private readonly int _entityPort = FreePort.Next();
    private ServiceProcess? _entity;
    private ServiceProcess? _ingestion;
    private ServiceProcess? _summary;

    public async Task InitializeAsync()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(RepoPaths.Root, "seeds")))
        {
            File.Copy(file, Path.Combine(_seeds.FullName, Path.GetFileName(file)));
        }

        _entity = ServiceProcess.Start("Summaries.Entity", _entityPort, new Dictionary<string, string>
        {
            ["ConnectionStrings__Entity"] = _entitySchema.ConnectionString,
        });
        _ingestion = ServiceProcess.Start("Summaries.Ingestion", _ingestionPort, new Dictionary<string, string>
        {
            ["ConnectionStrings__Ingestion"] = _ingestionSchema.ConnectionString,
            ["Clients__EntityService__Address"] = $"http://127.0.0.1:{_entityPort}",
            ["Seeds__Directory"] = _seeds.FullName,
        });
        _summary = StartSummary();
        await Task.WhenAll(
            _entity.WaitHealthyAsync(SystemFixture.EntityServiceName, TimeSpan.FromSeconds(60)),
            _ingestion.WaitHealthyAsync(SystemFixture.IngestionServiceName, TimeSpan.FromSeconds(60)),
            _summary.WaitHealthyAsync(SystemFixture.SummaryServiceName, TimeSpan.FromSeconds(60)));
    }

    [SkippableFact]
    public async Task CreateBriefing_AllThreeOnPostgres_StoredInEachSchemaAndServedAfterRestart()
    {
        var seed = await AnnotatedSeedAsync();
        var request = new CreateBriefingRequest
        {
            ArticleNames = { seed.Name },
            Options = new BriefingOptions { Engine = EnginePreference.Builtin },
        };

        var briefing = (await new SummaryService.SummaryServiceClient(_summary!.Channel).CreateBriefingAsync(request)).Briefing;

        Assert.Contains("Xi Jinping", briefing.Headline + string.Join(" ", briefing.Sections.SelectMany(s => s.Sentences).Select(s => s.Text)), StringComparison.Ordinal);
        var xi = (await new EntityService.EntityServiceClient(_entity!.Channel).GetEntityAsync(new GetEntityRequest { Name = "entities/person-xi-jinping" })).Entity;
        Assert.Contains(seed.Name, xi.ArticleNames);
        Assert.Equal(1L, await CountAsync(_ingestionSchema, $"SELECT count(*) FROM articles WHERE id = '{seed.Name["articles/".Length..]}' AND annotation_state = 2"));
        Assert.True(await CountAsync(_entitySchema, "SELECT count(*) FROM entity_articles WHERE article_name = '" + seed.Name + "'") >= 5);
        Assert.Equal(1L, await CountAsync(_entitySchema, "SELECT count(*) FROM annotations"));
        Assert.Equal(1L, await CountAsync(_summarySchema, "SELECT count(*) FROM briefing_cache"));

        // A new summary process: migrations find nothing to do; the briefing and the cache are still there.
        await _summary.DisposeAsync();
        _summary = StartSummary();
        await _summary.WaitHealthyAsync(SystemFixture.SummaryServiceName, TimeSpan.FromSeconds(60));
        var client = new SummaryService.SummaryServiceClient(_summary.Channel);

        var again = (await client.CreateBriefingAsync(request)).Briefing;
        var fetched = (await client.GetBriefingAsync(new GetBriefingRequest { Name = briefing.Name })).Briefing;
        var listed = await client.ListBriefingsAsync(new ListBriefingsRequest { Filter = $"article = \"{seed.Name}\"" });

        Assert.True(again.Cached);
        Assert.Equal(briefing.Name, again.Name);
        Assert.Equal(briefing, fetched);
        Assert.Equal([briefing.Name], listed.Briefings.Select(b => b.Name));
        // Its two schema steps (tables; payload format), each recorded once.
        Assert.Equal(2L, await CountAsync(_summarySchema, "SELECT count(*) FROM summary_schema_migrations"));
    }

    public async Task DisposeAsync()
    {
        foreach (var service in new[] { _summary, _ingestion, _entity })
        {
            if (service is not null)
            {
                await service.DisposeAsync();
            }
        }

        _ingestionSchema.Dispose();
        _entitySchema.Dispose();
        _summarySchema.Dispose();
        _seeds.Delete(recursive: true);
    }

    private ServiceProcess StartSummary() => ServiceProcess.Start("Summaries.Summary", FreePort.Next(), new Dictionary<string, string>
    {
        ["ConnectionStrings__Summary"] = _summarySchema.ConnectionString,
        ["Clients__IngestionAddress"] = $"http://127.0.0.1:{_ingestionPort}",
        ["Clients__EntityAddress"] = $"http://127.0.0.1:{_entityPort}",
        ["Llm__Provider"] = "None",
    });

    private async Task<Article> AnnotatedSeedAsync()
    {
        var client = new IngestionService.IngestionServiceClient(_ingestion!.Channel);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var page = await client.ListArticlesAsync(new ListArticlesRequest { PageSize = 100 });
            var seed = page.Articles.FirstOrDefault(a => a.Body.Contains("Blinken", StringComparison.Ordinal));
            if (seed is { AnnotationState: AnnotationState.Done })
            {
                return seed;
            }

            Assert.True(DateTime.UtcNow < deadline, "The seed was not loaded and annotated within 30 s; state: " + seed?.AnnotationState
                + "\n" + _ingestion.RecentOutput + "\n" + _entity!.RecentOutput);
            await Task.Delay(250);
        }
    }

    private static async Task<long> CountAsync(PostgresTestSchema schema, string sql)
    {
        await using var connection = new NpgsqlConnection(schema.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
