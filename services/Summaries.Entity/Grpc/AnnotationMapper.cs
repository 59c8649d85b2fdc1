using Summaries.Contracts.Entity.V1;
using Summaries.Entity.Registry;
using Summaries.Language;
using ProtoEntity = Summaries.Contracts.Entity.V1.Entity;

namespace Summaries.Entity.Grpc;

/// <summary>Maps the entity service's domain types to the public protos, and stored annotations back.</summary>
public static class AnnotationMapper
{
    public static Contracts.Entity.V1.Annotation ToProto(ArticleAnnotation a)
    {
        var proto = new Contracts.Entity.V1.Annotation { ArticleName = a.ArticleName, AnnotatorVersion = a.AnnotatorVersion };
        proto.Sentences.AddRange(a.Sentences.Select(s => new Sentence { Index = s.Index, Start = s.Start, End = s.End, Text = s.Text }));
        proto.Mentions.AddRange(a.Mentions.Select(m => new Mention
        {
            Text = m.Text, Start = m.Start, End = m.End, Type = ToProto(m.Kind), EntityKey = m.EntityKey, SentenceIndex = m.SentenceIndex,
        }));
        foreach (var (e, registryName) in a.Entities)
        {
            var te = new TextEntity
            {
                Key = e.Key,
                EntityName = registryName,
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

    /// <summary>
    /// The inverse of <see cref="ToProto(ArticleAnnotation)"/>: mapping the result back gives the same
    /// message (an empty speaker reads as none, and none is written as empty).
    /// </summary>
    public static ArticleAnnotation FromProto(Contracts.Entity.V1.Annotation proto) => new(
        proto.ArticleName,
        proto.AnnotatorVersion,
        proto.Sentences.Select(s => new ArticleSentence(s.Index, s.Start, s.End, s.Text)).ToList(),
        proto.Mentions.Select(m => new MentionInfo(m.Start, m.End, m.Text, FromProto(m.Type), m.EntityKey, m.SentenceIndex)).ToList(),
        proto.Entities.Select(e => new ArticleEntity(
            new EntityInfo(
                e.Key,
                e.DisplayName,
                FromProto(e.Type),
                e.Aliases.ToList(),
                e.Roles.Select(r => new RoleInfo(r.Text, r.Start, r.End)).ToList(),
                e.MentionCount,
                e.Salience),
            e.EntityName)).ToList(),
        proto.Quotes.Select(q => new QuoteInfo(
            q.Start,
            q.End,
            q.Text,
            q.Cue,
            q.SpeakerKey.Length == 0 ? null : q.SpeakerKey,
            q.SpeakerText.Length == 0 ? null : q.SpeakerText,
            q.SpeakerStart,
            q.SpeakerEnd,
            q.Direct,
            q.SentenceIndex)).ToList());

    public static ProtoEntity ToProto(RegisteredEntity e)
    {
        var proto = new ProtoEntity { Name = e.Name, DisplayName = e.DisplayName, Type = ToProto(e.Kind), MentionCount = e.MentionCount, ArticleCount = e.ArticleCount };
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

    /// <summary>Only the four kinds are ever written; anything else reads as <see cref="EntityKind.Misc"/>, which writes back as MISC.</summary>
    public static EntityKind FromProto(EntityType type) => type switch
    {
        EntityType.Person => EntityKind.Person,
        EntityType.Organization => EntityKind.Organization,
        EntityType.Location => EntityKind.Location,
        _ => EntityKind.Misc,
    };
}
