using Summaries.ServiceDefaults.Errors;
using Summaries.ServiceDefaults.Naming;
using Summaries.Summary.Stories;

namespace Summaries.Summary.Briefings;

/// <summary>
/// Checks a briefing request before anything is fetched: every problem of one request is reported
/// at once, each under its field path ("article_names[2]", "options.length").
/// </summary>
public static class BriefingRequestValidator
{
    public const int MaxArticles = 20;

    /// <summary>The distinct article names to summarise (a story's members; empty for an entity scope); throws listing every problem.</summary>
    public static IReadOnlyList<string> Validate(BriefingScope scope, BriefingOptions options)
    {
        var problems = new FieldProblems();
        var names = !string.IsNullOrEmpty(scope.Story) ? CheckStoryScope(problems, scope)
            : string.IsNullOrEmpty(scope.Entity) ? CheckNames(problems, scope.ArticleNames)
            : [];
        if (string.IsNullOrEmpty(scope.Story) && !string.IsNullOrEmpty(scope.Entity))
        {
            CheckEntityScope(problems, scope);
        }

        // Unknown values are refused rather than read as the default: a client sending a newer enum
        // value should hear that this service does not know it.
        if (!Enum.IsDefined(options.Length))
        {
            problems.Add("options.length", $"{(int)options.Length} is not a BriefingLength value");
        }

        if (!Enum.IsDefined(options.Engine))
        {
            problems.Add("options.engine", $"{(int)options.Engine} is not an EnginePreference value");
        }

        problems.ThrowIfAny();
        return names;
    }

    internal static List<string> CheckNames(FieldProblems problems, IReadOnlyList<string> names)
    {
        if (names.Count == 0)
        {
            problems.Add("article_names", "at least one article name is required");
        }
        else if (names.Count > MaxArticles)
        {
            problems.Add("article_names", $"at most {MaxArticles} articles per briefing");
        }
        else
        {
            for (var i = 0; i < names.Count; i++)
            {
                if (!ResourceNames.Articles.IsMatch(names[i]))
                {
                    problems.Add($"article_names[{i}]", ResourceNames.Articles.Problem);
                }
            }
        }

        return names.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>A story scope: the articles its name lists, and nothing else set.</summary>
    private static IReadOnlyList<string> CheckStoryScope(FieldProblems problems, BriefingScope scope)
    {
        if (scope.ArticleNames.Count > 0)
        {
            problems.Add("article_names", "give one of article_names, entity and story");
        }

        if (!string.IsNullOrEmpty(scope.Entity))
        {
            problems.Add("entity", "give one of article_names, entity and story");
        }

        return problems.Check(() => StoryNames.ArticlesOf(scope.Story!, "story")) ?? [];
    }

    private static void CheckEntityScope(FieldProblems problems, BriefingScope scope)
    {
        if (scope.ArticleNames.Count > 0)
        {
            problems.Add("article_names", "give either article_names or entity, not both");
        }

        if (!ResourceNames.Entities.IsMatch(scope.Entity))
        {
            problems.Add("entity", ResourceNames.Entities.Problem);
        }

        if (scope.From is { } from && scope.Until is { } until && until <= from)
        {
            problems.Add("end_time", "must be after start_time");
        }
    }
}
