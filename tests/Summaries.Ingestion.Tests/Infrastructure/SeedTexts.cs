namespace Summaries.Ingestion.Tests.Infrastructure;

/// <summary>The example article from <c>seeds/</c> (copied beside the tests), a lightly edited copy of it, and shuffled texts of its size.</summary>
public static class SeedTexts
{
    public static string Blinken { get; } = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "seeds", "blinken-xi-beijing.txt"));

    /// <summary>
    /// What another outlet might run: a few words changed, one paragraph dropped, captions gone, a
    /// different headline and source (those are set by the caller).
    /// </summary>
    public static string EditedBlinken { get; } = Edit(Blinken);

    /// <summary>The example article with the words of each paragraph shuffled: as long, but unrelated to it and to any other n.</summary>
    public static string Shuffled(int n)
    {
        var random = new Random(n);
        return string.Join("\n\n", Blinken.Split("\n\n").Select(p =>
        {
            var words = p.Split(' ');
            random.Shuffle(words);
            return string.Join(' ', words);
        }));
    }

    private static string Edit(string text)
    {
        var paragraphs = text.Split("\n\n").ToList();
        paragraphs.RemoveAll(p => p.Contains("(Pool via AP)", StringComparison.Ordinal));
        paragraphs.RemoveAt(4);
        return string.Join("\n\n", paragraphs)
            .Replace("soaring tensions", "rising tensions", StringComparison.Ordinal)
            .Replace("35-minute", "half-hour", StringComparison.Ordinal)
            .Replace("most vexing issues", "thorniest issues", StringComparison.Ordinal)
            .Replace("about three hours", "nearly three hours", StringComparison.Ordinal)
            .Replace("Mr Blinken said before leaving", "the secretary of state said before departing", StringComparison.Ordinal);
    }
}
