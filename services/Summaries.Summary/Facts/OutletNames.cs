using System.Globalization;

namespace Summaries.Summary.Facts;

/// <summary>
/// The outlet an article is from, as a reader names it ("www.cnn.com" → "CNN", "news.bbc.co.uk"
/// → "BBC"), and the "According to X, " attribution built from it. The writer attributes a version
/// of a disputed point with it and the verifier accepts it only where X is the outlet of every
/// fact the sentence cites, so both read names from this one place.
/// </summary>
public static class OutletNames
{
    private const string Opening = "According to ";

    /// <summary>Second-level labels under a country code ("co.uk", "com.au"): the name is the label before them.</summary>
    private static readonly HashSet<string> SecondLevel = new(StringComparer.Ordinal) { "co", "com", "org", "net", "gov", "ac", "edu" };

    /// <summary>
    /// The outlet's readable name: the host's registrable label (no "www.", no TLD), in capitals
    /// when it is three letters or fewer (an acronym: "BBC"), else with a capital first letter;
    /// the source as given when it is not a host name; the title in quotation marks when there is
    /// no source; null when there is neither.
    /// </summary>
    public static string? Name(FactArticle article)
    {
        var source = article.Source.Trim();
        if (source.Length == 0)
        {
            var title = article.Title.Trim();
            return title.Length == 0 || title.Contains('“', StringComparison.Ordinal) || title.Contains('”', StringComparison.Ordinal)
                ? null
                : $"“{title}”";
        }

        if (source.Contains(' ', StringComparison.Ordinal) || !source.Contains('.', StringComparison.Ordinal))
        {
            return source;
        }

        var host = source.Contains("://", StringComparison.Ordinal) && Uri.TryCreate(source, UriKind.Absolute, out var uri) ? uri.Host : source;
        var labels = host.ToLower(CultureInfo.InvariantCulture).Split('.', StringSplitOptions.RemoveEmptyEntries);
        if (labels.Length < 2)
        {
            return source;
        }

        var end = labels.Length - 1;
        if (labels[end].Length == 2 && end >= 2 && SecondLevel.Contains(labels[end - 1]))
        {
            end--;
        }

        var label = labels[end - 1];
        if (label.Length == 0 || SecondLevel.Contains(label) || !label.All(char.IsAsciiLetterOrDigit))
        {
            return source;
        }

        return label.Length <= 3
            ? label.ToUpper(CultureInfo.InvariantCulture)
            : char.ToUpper(label[0], CultureInfo.InvariantCulture) + label[1..];
    }

    /// <summary>"According to X, " for the article's outlet; null when it has no name.</summary>
    public static string? Attribution(FactArticle article) => Name(article) is { } name ? $"{Opening}{name}, " : null;

    /// <summary>
    /// The sentence without its opening "According to X, " when X is the outlet of every one of
    /// <paramref name="cited"/> (the articles of the facts it cites); null when it has no such opening.
    /// </summary>
    public static string? Unattributed(string sentence, IReadOnlyCollection<FactArticle> cited)
    {
        if (cited.Count == 0 || !sentence.StartsWith(Opening, StringComparison.Ordinal))
        {
            return null;
        }

        var names = cited.Select(Name).Distinct(StringComparer.Ordinal).ToList();
        if (names is not [{ } name])
        {
            return null;
        }

        var prefix = $"{Opening}{name}, ";
        var rest = sentence.StartsWith(prefix, StringComparison.Ordinal) ? sentence[prefix.Length..].TrimStart() : null;
        return string.IsNullOrEmpty(rest) ? null : rest;
    }
}
