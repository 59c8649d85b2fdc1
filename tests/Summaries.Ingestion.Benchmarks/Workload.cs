using System.Text;
using Summaries.Contracts.Ingestion.V1;

namespace Summaries.Ingestion.Benchmarks;

/// <summary>
/// Seed-sized articles made unique: each is the example article's paragraphs with their words
/// shuffled by its own random seed, so lengths match the seed (about 4.5 KB) but no two share the
/// phrasing that exact or near-duplicate detection would catch.
/// </summary>
public static class Workload
{
    public static IReadOnlyList<StreamCreateArticlesRequest> Make(string runId, int count)
    {
        var paragraphs = File.ReadAllText(SeedPath()).Split("\n\n").Select(p => p.Split(' ')).ToArray();
        var requests = new StreamCreateArticlesRequest[count];
        for (var i = 0; i < count; i++)
        {
            var random = new Random(HashCode.Combine(runId, i));
            var body = new StringBuilder(5_000);
            foreach (var words in paragraphs)
            {
                var shuffled = words.ToArray();
                random.Shuffle(shuffled);
                body.AppendJoin(' ', shuffled).Append("\n\n");
            }

            requests[i] = new StreamCreateArticlesRequest
            {
                RequestId = $"{runId}-{i}",
                Article = new Article
                {
                    Title = $"Benchmark article {runId} {i}",
                    Body = body.ToString(),
                    Source = "Benchmark Wire",
                    Url = $"https://example.com/bench/{runId}/{i}",
                    Language = "en",
                },
            };
        }

        return requests;
    }

    private static string SeedPath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "seeds", "blinken-xi-beijing.txt");
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new FileNotFoundException("seeds/blinken-xi-beijing.txt not found above " + AppContext.BaseDirectory);
    }
}
