using Summaries.Contracts.Summary.V1;
using Summaries.Summary.Claims;
using DomainKind = Summaries.Summary.Support.SupportFailureKind;
using WireKind = Summaries.Contracts.Summary.V1.SupportFailureKind;

namespace Summaries.Summary.Grpc;

/// <summary>A claim check on the wire.</summary>
public static class ClaimCheckMapper
{
    public static CheckClaimResponse ToProto(ClaimCheck check)
    {
        var response = new CheckClaimResponse
        {
            Supported = check.Supported,
            FailureKind = check.Failure is { } f ? Kind(f.Kind) : WireKind.Unspecified,
            FailingPart = check.Failure?.Part ?? string.Empty,
            Reason = check.Failure?.Reason ?? string.Empty,
        };
        response.Sources.AddRange(check.Sources.Select(s => new ClaimSource { ArticleName = s.ArticleName, SentenceIndex = s.SentenceIndex, Text = s.Text }));
        return response;
    }

    private static WireKind Kind(DomainKind kind) => kind switch
    {
        DomainKind.Predicate => WireKind.Predicate,
        DomainKind.Polarity => WireKind.Polarity,
        DomainKind.Participants => WireKind.Participants,
        DomainKind.Circumstance => WireKind.Circumstance,
        DomainKind.Stance => WireKind.Stance,
        _ => WireKind.NotInSource,
    };
}

