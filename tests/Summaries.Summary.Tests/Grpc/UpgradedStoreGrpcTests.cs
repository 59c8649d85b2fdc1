using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Summaries.Contracts.Summary.V1;
using Summaries.ServiceDefaults.Storage;
using Summaries.Summary.Storage.Sqlite;

namespace Summaries.Summary.Tests.Grpc;

/// <summary>A service started on a briefing store that the release before wrote (the wire message in every row).</summary>
public sealed class UpgradedStoreGrpcTests : IDisposable
{
    private readonly SqliteTestFile _file = new("summary.db");

    [Fact]
    public async Task GetAndListBriefings_RowsOfTheReleaseBefore_ServedByteForByte()
    {
        var first = Stored("0123456789abcdef", "Ministers meet in Geneva", "articles/a1");
        var second = Stored("fedcba9876543210", "Talks end without a deal", "articles/a2");
        new SqliteFile(_file.ConnectionString).Migrate(SqliteBriefingSchema.Migrations.Take(1).ToList());
        Insert(first);
        Insert(second);

        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("ConnectionStrings:Summary", _file.ConnectionString);
            b.UseSetting("Clients:IngestionAddress", "http://127.0.0.1:1");
            b.UseSetting("Clients:EntityAddress", "http://127.0.0.1:1");
        });
        using var channel = GrpcChannel.ForAddress(factory.Server.BaseAddress, new GrpcChannelOptions { HttpHandler = factory.Server.CreateHandler() });
        var client = new SummaryService.SummaryServiceClient(channel);

        var got = await client.GetBriefingAsync(new GetBriefingRequest { Name = first.Name });
        var listed = await client.ListBriefingsAsync(new ListBriefingsRequest { Filter = "article = \"articles/a2\"" });

        Assert.Equal(first.ToByteArray(), got.Briefing.ToByteArray());
        Assert.Equal(second.ToByteArray(), Assert.Single(listed.Briefings).ToByteArray());
    }

    public void Dispose() => _file.Dispose();

    /// <summary>A briefing as the release before answered and stored it.</summary>
    private static Briefing Stored(string id, string headline, string article)
    {
        var citation = new Citation { ArticleName = article, SentenceIndex = 1, Start = 10, End = 60 };
        var sentence = new BriefingSentence { Text = headline + ".", Speaker = "entities/person-ana-ruiz", SpeakerDisplayName = "Ana Ruiz", Citations = { citation } };
        var balance = new BalanceReport();
        balance.Parties.Add(new PartyBalance { Party = "entities/person-ana-ruiz", DisplayName = "Ana Ruiz", SourceQuotes = 2, SourceQuoteShare = 2 / 3.0, BriefingSentences = 1, BriefingSentenceShare = 1 });
        balance.LoadedTermsLeftOut.Add(new LoadedTermOccurrence { Term = "slammed", ArticleName = article, Start = 3, End = 10 });
        return new Briefing
        {
            Name = "briefings/" + id,
            Headline = headline,
            HeadlineCitations = { citation },
            Sections = { new Section { Kind = SectionKind.Position, Title = "Ana Ruiz", Party = "entities/person-ana-ruiz", PartyDisplayName = "Ana Ruiz", Sentences = { sentence } } },
            Engine = new Engine { Kind = EngineKind.Llm, Model = "llama3", Version = "prompt-v4", PromptTokens = 700, CompletionTokens = 90, Latency = Duration.FromTimeSpan(TimeSpan.FromMilliseconds(1234.5678)) },
            Warnings = { "one source only" },
            ArticleNames = { article },
            CreateTime = Timestamp.FromDateTimeOffset(new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.Zero).AddTicks(1234567)),
            Options = new BriefingOptions { Length = BriefingLength.Short },
            Balance = balance,
        };
    }

    private void Insert(Briefing briefing)
    {
        using var connection = new SqliteConnection(_file.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO briefings (id, create_time, payload) VALUES ($id, $time, $payload);
            INSERT INTO briefing_articles (briefing_seq, article_name) VALUES (last_insert_rowid(), $article);
            """;
        command.Parameters.AddWithValue("$id", briefing.Name["briefings/".Length..]);
        command.Parameters.AddWithValue("$time", briefing.CreateTime.ToDateTimeOffset().ToString("O"));
        command.Parameters.AddWithValue("$payload", briefing.ToByteArray());
        command.Parameters.AddWithValue("$article", briefing.ArticleNames[0]);
        command.ExecuteNonQuery();
    }
}
