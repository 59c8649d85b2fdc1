using Summaries.Contracts.Entity.V1;
using Summaries.Summary.Clients;
using Summaries.Summary.Sources;
using Summaries.Testing.Pathological;

namespace Summaries.Summary.Tests.Facts;

/// <summary>
/// A source made of one of the pathological texts, annotated as the entity service would see it
/// in outline: sentences end at ". " (the whole text is one sentence when it has none), and every
/// run of capitalised words (up to three) is a person named nowhere else. So "distinct-entities"
/// gives tens of thousands of people and "capitalised-sentence" one sentence holding as many.
/// </summary>
internal static class PathologicalSources
{
    public static TheoryData<string> Inputs => [.. PathologicalText.All.Select(i => i.Name)];

    public static SourceDocument Document(string input)
    {
        var body = PathologicalText.All.Single(i => i.Name == input).Build(PathologicalText.MaxArticleChars);
        var annotation = new Annotation { ArticleName = "articles/pathological", AnnotatorVersion = "test" };
        var entities = new Dictionary<string, TextEntity>(StringComparer.Ordinal);
        var start = 0;
        while (start < body.Length)
        {
            var end = body.IndexOf(". ", start, StringComparison.Ordinal);
            end = end < 0 ? body.Length : end + 1;
            var index = annotation.Sentences.Count;
            annotation.Sentences.Add(new Sentence { Index = index, Start = start, End = end, Text = body[start..end] });
            AddPeople(annotation, entities, body, start, end, index);
            start = end + 1;
        }

        return new SourceDocument("articles/pathological", "Pathological " + input, body, "Test Wire", null, "hash", SourceMapper.ToDomain(annotation));
    }

    private static void AddPeople(Annotation annotation, Dictionary<string, TextEntity> entities, string body, int from, int to, int sentence)
    {
        var i = from;
        while (i < to)
        {
            if (!char.IsUpper(body[i]) || (i > from && char.IsLetter(body[i - 1])))
            {
                i++;
                continue;
            }

            // Up to three capitalised words in a row.
            var runStart = i;
            var words = 0;
            var runEnd = i;
            while (i < to && words < 3 && char.IsUpper(body[i]))
            {
                while (i < to && char.IsLetter(body[i]))
                {
                    i++;
                }

                runEnd = i;
                words++;
                if (i + 1 < to && body[i] == ' ' && char.IsUpper(body[i + 1]))
                {
                    i++;
                }
                else
                {
                    break;
                }
            }

            var name = body[runStart..runEnd];
            if (!entities.TryGetValue(name, out var entity))
            {
                entity = new TextEntity { Key = "e" + entities.Count, DisplayName = name, Type = EntityType.Person, Salience = 0.5 };
                entity.Aliases.Add(name);
                entities[name] = entity;
                annotation.Entities.Add(entity);
            }

            entity.MentionCount++;
            annotation.Mentions.Add(new Mention
            {
                Text = name, Start = runStart, End = runEnd, Type = EntityType.Person, EntityKey = entity.Key, SentenceIndex = sentence,
            });
            i = Math.Max(i, runEnd + 1);
        }
    }
}
