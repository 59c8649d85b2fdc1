using System.Text;

namespace Summaries.Testing.Pathological;

/// <summary>
/// Texts built to find superlinear work in the text stages, each of a requested length and each
/// beside a normal article of the same length (the example article repeated) to compare against.
/// Every stage of every service is tried with all of them; tests give a generous bound, the
/// evaluation tool's <c>pathological</c> command prints each one's time ratio to the normal text.
/// </summary>
public static class PathologicalText
{
    /// <summary>The longest article body ingestion accepts (<c>IngestionLimitsOptions.MaxBodyChars</c>'s default).</summary>
    public const int MaxArticleChars = 1_000_000;

    /// <summary>The inputs by name, normal first.</summary>
    public static IReadOnlyList<(string Name, Func<int, string> Build)> All { get; } =
    [
        ("normal", Normal),
        ("combining-storm", CombiningStorm),
        ("one-huge-token", OneHugeToken),
        ("capitalised-sentence", CapitalisedSentence),
        ("unbalanced-quotes", UnbalancedQuotes),
        ("distinct-entities", DistinctEntities),
        ("deep-brackets", DeepBrackets),
    ];

    /// <summary>The example article's paragraphs repeated to the length.</summary>
    public static string Normal(int length)
    {
        var article = File.ReadAllText(Path.Combine(RepoPaths.Root, "seeds", "blinken-xi-beijing.txt")).Trim();
        var builder = new StringBuilder(length + article.Length);
        while (builder.Length < length)
        {
            builder.Append(article).Append("\n\n");
        }

        return Cut(builder, length);
    }

    /// <summary>One letter, then nothing but combining marks (acute, grave, dot below in turn).</summary>
    public static string CombiningStorm(int length)
    {
        var builder = new StringBuilder(length).Append('a');
        for (var i = 0; builder.Length < length; i++)
        {
            builder.Append("\u0301\u0300\u0323"[i % 3]);
        }

        return Cut(builder, length);
    }

    /// <summary>The whole text one word: a letter repeated.</summary>
    public static string OneHugeToken(int length) => new('a', length);

    /// <summary>One sentence of distinct capitalised words (200,000 at the maximum length) and no full stop.</summary>
    public static string CapitalisedSentence(int length) =>
        Repeat(length, i => Capitalised(i) + " ");

    /// <summary>Opening quotation marks (300,000 at the maximum length) that never close, a word after each.</summary>
    public static string UnbalancedQuotes(int length) =>
        Repeat(length, i => (i % 2 == 0 ? "“" : "\"") + "x ");

    /// <summary>Short sentences, each naming people and places no other sentence names.</summary>
    public static string DistinctEntities(int length) =>
        Repeat(length, i => $"Mr {Capitalised(i)} {Capitalised(i + 7)} met Ms {Capitalised(i + 13)} in {Capitalised(i + 29)}ville. ");

    /// <summary>Brackets nested as deep as the text allows, a word at each level.</summary>
    public static string DeepBrackets(int length)
    {
        var depth = (length - 1) / 4;
        return new StringBuilder(length).Insert(0, "(a ", depth).Append('x').Append(')', depth).ToString().PadRight(length);
    }

    /// <summary>A capitalised word of letters only, different for each number.</summary>
    public static string Capitalised(int value)
    {
        var letters = new StringBuilder();
        value += 26 * 27;
        do
        {
            letters.Insert(0, (char)('a' + (value % 26)));
            value /= 26;
        }
        while (value > 0);

        letters[0] = char.ToUpperInvariant(letters[0]);
        return letters.ToString();
    }

    private static string Repeat(int length, Func<int, string> piece)
    {
        var builder = new StringBuilder(length + 64);
        for (var i = 0; builder.Length < length; i++)
        {
            builder.Append(piece(i));
        }

        return Cut(builder, length);
    }

    // Never ends inside a surrogate pair.
    private static string Cut(StringBuilder builder, int length) =>
        builder.ToString(0, char.IsHighSurrogate(builder[length - 1]) ? length - 1 : length);
}
