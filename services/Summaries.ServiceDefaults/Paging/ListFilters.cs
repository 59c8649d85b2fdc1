using Summaries.ServiceDefaults.Errors;

namespace Summaries.ServiceDefaults.Paging;

/// <summary>The rule every List method's <c>filter</c> shares before its own parser reads it.</summary>
public static class ListFilters
{
    /// <summary>
    /// Longest filter accepted. Far above any real one (a handful of clauses), low enough that a
    /// hostile filter cannot become a query of thousands of clauses or a megabyte of parsing.
    /// </summary>
    public const int MaxChars = 2_000;

    /// <summary>Throws a field violation when <paramref name="filter"/> is longer than <see cref="MaxChars"/>.</summary>
    public static void EnsureLength(string? filter, string field = "filter")
    {
        if (filter is { Length: > MaxChars })
        {
            throw new ValidationException(field, $"must be at most {MaxChars} characters (got {filter.Length})");
        }
    }
}
