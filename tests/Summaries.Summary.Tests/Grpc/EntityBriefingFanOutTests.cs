using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Summaries.Contracts.Entity.V1;
using Summaries.Contracts.Ingestion.V1;
using Summaries.Contracts.Summary.V1;
using Summaries.Summary.Briefings;
using Summaries.Summary.Tests.Grpc.Infrastructure;

namespace Summaries.Summary.Tests.Grpc;

/// <summary>
/// An entity-scoped briefing for an entity mentioned in many articles: the calls ingestion and the
/// entity service receive are bounded by the briefing's limit, not by the number of mentions.
/// </summary>
public sealed class EntityBriefingFanOutTests : IAsyncLifetime
{
    private const int Mentions = 400;
    private const string Person = "entities/person-ada-quill";

    private readonly string _db = Path.Combine(Path.GetTempPath(), $"summary-fanout-{Guid.NewGuid():N}.db");
    private readonly DateTimeOffset _now = DateTimeOffset.UtcNow;
    private ArticleArchiveServer _archive = null!;
    private WebApplicationFactory<Program> _factory = null!;
    private GrpcChannel _channel = null!;

    public async Task InitializeAsync()
    {
        _archive = await ArticleArchiveServer.StartAsync();
        // One article an hour, the oldest first (the store's order); each names the same person.
        for (var i = Mentions - 1; i >= 0; i--)
        {
            var name = "articles/fan" + i.ToString("D4", CultureInfo.InvariantCulture);
            var published = _now.AddHours(-i - 1);
            var body = $"Ada Quill said the harbour plan would go ahead. \"We will build it this year,\" Quill said on day {i}. "
                + "The council voted on the harbour plan on Tuesday. Critics said the harbour plan cost too much.";
            var article = new Article
            {
                Name = name, Title = $"Harbour plan update {i}", Body = body, CleanedBody = body, Source = "Harbour Times",
                PublishTime = Timestamp.FromDateTimeOffset(published), CreateTime = Timestamp.FromDateTimeOffset(published.AddMinutes(5)),
            };
            var annotation = new Annotation { ArticleName = name };
            annotation.Entities.Add(new TextEntity
            {
                Key = "e0", EntityName = Person, DisplayName = "Ada Quill", Type = EntityType.Person, MentionCount = 2, Salience = 0.9f,
            });
            _archive.Contents.Add(article, annotation);
        }

        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("ConnectionStrings:Summary", $"Data Source={_db}");
            b.UseSetting("Clients:IngestionAddress", _archive.Address);
            b.UseSetting("Clients:EntityAddress", _archive.Address);
        });
        _channel = GrpcChannel.ForAddress(_factory.Server.BaseAddress, new GrpcChannelOptions { HttpHandler = _factory.Server.CreateHandler() });
    }

    [Fact]
    public async Task CreateBriefing_EntityInManyArticles_CallsBoundedByTheLimit()
    {
        var response = await new SummaryService.SummaryServiceClient(_channel).CreateBriefingAsync(new CreateBriefingRequest
        {
            Entity = Person,
            StartTime = Timestamp.FromDateTimeOffset(_now.AddHours(-100)),
            EndTime = Timestamp.FromDateTimeOffset(_now),
        });

        var limit = BriefingService.MaxArticles;
        // The newest `limit` articles in the window, and nothing older.
        var expected = Enumerable.Range(0, limit).Select(i => "articles/fan" + i.ToString("D4", CultureInfo.InvariantCulture)).Order(StringComparer.Ordinal);
        Assert.Equal(expected, response.Briefing.ArticleNames.Order(StringComparer.Ordinal));
        var calls = _archive.Calls;
        Assert.Equal(0, calls.Of("GetArticle"));
        // One call without bodies for all the entity's articles, one with bodies for the chosen ones.
        Assert.Equal(2, calls.Of("BatchGetArticles"));
        Assert.Equal(1, calls.Of("GetEntity"));
        Assert.InRange(calls.Of("GetArticleAnnotation"), 1, limit);
        Assert.InRange(calls.OfService("IngestionService") + calls.OfService("EntityService"), 1, 3 + limit);
        Assert.InRange(calls.MaxInFlight, 1, 8);
    }

    public async Task DisposeAsync()
    {
        _channel.Dispose();
        await _factory.DisposeAsync();
        await _archive.DisposeAsync();
        foreach (var f in new[] { _db, _db + "-wal", _db + "-shm" })
        {
            File.Delete(f);
        }
    }
}
