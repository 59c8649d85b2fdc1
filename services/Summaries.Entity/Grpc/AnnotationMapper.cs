using Summaries.Contracts.Entity.V1;
using Summaries.Entity.Registry;
using Summaries.Language;
using ProtoEntity = Summaries.Contracts.Entity.V1.Entity;

namespace Summaries.Entity.Grpc;

/// <summary>Maps the annotator's domain types to the public protos.</summary>
public static class AnnotationMapper
{
    public static Contracts.Entity.V1.Annotation ToProto(
        string text, TextAnnotation a, string articleName, IReadOnlyDictionary<string, string>? registryNames)
    {
        var proto = new Contracts.Entity.V1.Annotation { ArticleName = articleName, AnnotatorVersion = a.AnnotatorVersion };
        proto.Sentences.AddRange(a.Sentences.Select(s => new Sentence
        {
            Index = s.Index, Start = s.Start, End = s.End, Text = text[s.Start..s.End],
        }));
        proto.Mentions.AddRange(a.Mentions.Select(m => new Mention
        {
            Text = m.Text, Start = m.Start, End = m.End, Type = ToProto(m.Kind), EntityKey = m.EntityKey, SentenceIndex = m.SentenceIndex,
        }));
        foreach (var e in a.Entities)
        {
            var te = new TextEntity
            {
                Key = e.Key,
                EntityName = registryNames?.GetValueOrDefault(e.Key) ?? string.Empty,
                DisplayName = e.DisplayName,
                Type = ToProto(e.Kind),
                MentionCount = e.MentionCount,
                Salience = e.Salience,
            };
            te.Aliases.AddRange(e.Aliases);
            te.Roles.AddRange(e.Roles.Select(r => new Role { Text = r.Text, Start = r.Start, End = r.End }));
            proto.Entities.Add(te);
        }

        proto.Quotes.AddRange(a.Quotes.Select(q => new Quote
        {
            Text = q.Text,
            Start = q.Start,
            End = q.End,
            Cue = q.Cue,
            SpeakerKey = q.SpeakerKey ?? string.Empty,
            SpeakerText = q.SpeakerText ?? string.Empty,
            SpeakerStart = q.SpeakerStart,
            SpeakerEnd = q.SpeakerEnd,
            Direct = q.Direct,
            SentenceIndex = q.SentenceIndex,
        }));
        return proto;
    }

    public static ProtoEntity ToProto(RegisteredEntity e)
    {
        var proto = new ProtoEntity { Name = e.Name, DisplayName = e.DisplayName, Type = ToProto(e.Kind), MentionCount = e.MentionCount };
        proto.Aliases.AddRange(e.Aliases);
        proto.Roles.AddRange(e.Roles);
        proto.ArticleNames.AddRange(e.ArticleNames);
        return proto;
    }

    public static EntityType ToProto(EntityKind kind) => kind switch
    {
        EntityKind.Person => EntityType.Person,
        EntityKind.Organization => EntityType.Organization,
        EntityKind.Location => EntityType.Location,
        _ => EntityType.Misc,
    };
}
