using Google.Protobuf.WellKnownTypes;
using ProtoStory = Summaries.Contracts.Summary.V1.Story;
using ProtoStoryEntity = Summaries.Contracts.Summary.V1.StoryEntity;
using Summaries.ServiceDefaults.Naming;
using Summaries.Summary.Stories;

namespace Summaries.Summary.Grpc;

/// <summary>Maps stories to their proto.</summary>
public static class StoryMapper
{
    public static ProtoStory ToProto(Story story)
    {
        var proto = new ProtoStory
        {
            Name = story.Name,
            Title = story.Title,
            StartTime = story.Start is { } start ? Timestamp.FromDateTimeOffset(start) : null,
            EndTime = story.End is { } end ? Timestamp.FromDateTimeOffset(end) : null,
        };
        proto.ArticleNames.AddRange(story.Members.Select(m => m.ArticleName));
        proto.Entities.AddRange(story.Entities.Select(e => new ProtoStoryEntity
        {
            // Clients see registry names; unregistered entities (no entity service registry) by display name.
            Entity = e.Key.StartsWith(ResourceNames.Entities.Prefix, StringComparison.Ordinal) ? e.Key : e.DisplayName,
            DisplayName = e.DisplayName,
            ArticleCount = e.ArticleCount,
        }));
        return proto;
    }
}
