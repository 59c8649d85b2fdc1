using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Summaries.Summary.Facts;

namespace Summaries.Summary.Writing.BuiltIn;

/// <summary>
/// Each fact's words for comparing sentences across articles (lowercased, three letters or more),
/// read once per fact sheet and shared by <see cref="SourceAgreement"/> and
/// <see cref="SourceDifferences"/>, which both compare every candidate sentence with the picked one.
/// </summary>
public static partial class FactWords
{
    private static readonly ConditionalWeakTable<FactSheet, Dictionary<string, HashSet<string>>> Cache = [];

    /// <summary>The words of every fact; reading them stops (and caches nothing) when <paramref name="cancellationToken"/> fires.</summary>
    public static IReadOnlyDictionary<string, HashSet<string>> Of(FactSheet sheet, CancellationToken cancellationToken = default) =>
        Cache.GetValue(sheet, s => s.Facts.ToDictionary(
            f => f.Id,
            f =>
            {
                cancellationToken.ThrowIfCancellationRequested();
                return Words().Matches(f.Text).Select(m => m.Value.ToLower(CultureInfo.InvariantCulture)).Where(w => w.Length > 2).ToHashSet();
            },
            StringComparer.Ordinal));

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Words();
}
