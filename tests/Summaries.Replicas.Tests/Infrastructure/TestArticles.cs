using Summaries.Contracts.Ingestion.V1;

namespace Summaries.Replicas.Tests.Infrastructure;

/// <summary>Distinct, plausible news articles for load and race cases: no two share a sentence.</summary>
public static class TestArticles
{
    private static readonly string[] Places = ["Lisbon", "Nairobi", "Osaka", "Quito", "Tallinn", "Accra", "Hanoi", "Perth", "Bergen", "Cusco"];
    private static readonly string[] Topics = ["water tariffs", "a rail strike", "school meals", "harbour dredging", "wind permits", "bus fares", "flood defences", "hospital rotas", "a bridge closure", "library hours"];
    private static readonly string[] Verbs = ["criticised", "defended", "questioned", "welcomed", "opposed", "praised"];

    /// <summary>Article <paramref name="n"/> of a run identified by <paramref name="run"/>: the same inputs give the same text.</summary>
    public static Article Make(string run, int n, string? person = null)
    {
        var random = new Random(HashCode.Combine(run.GetHashCode(StringComparison.Ordinal), n));
        var place = Places[random.Next(Places.Length)];
        var topic = Topics[random.Next(Topics.Length)];
        var speaker = person ?? $"Avery Q{run[..Math.Min(6, run.Length)]}{n}";
        var body = string.Join(' ',
            $"Officials in {place} announced on day {n} of run {run} that {topic} would be reviewed before the council meets on {random.Next(2, 28)} March.",
            $"\"We expect {random.Next(100, 9999)} households to be affected,\" said {speaker}, a spokesperson for the city council.",
            $"Residents {Verbs[random.Next(Verbs.Length)]} the plan at a meeting attended by {random.Next(40, 400)} people, item {n} in series {run}.",
            $"The review of {topic} is due to report in {random.Next(2, 12)} weeks, the council said in a statement numbered {run}-{n}.");
        return new Article
        {
            Title = $"{place} reviews {topic} ({run}/{n})",
            Body = body,
            Source = "replica-tests.example",
            Url = $"https://replica-tests.example/{run}/{n}",
        };
    }
}
