using Summaries.Entity.Registry;
using Summaries.Language;

namespace Summaries.Entity.Tests.Registry;

/// <summary>The plan alone: which registered person a short name is, in either order, from what a store read.</summary>
public sealed class RegistrationPlanTests
{
    private const string KenBoehm = "entities/person-ken-boehm";
    private const string Boehm = "entities/person-boehm";

    [Fact]
    public void Create_SurnameOfOneRegisteredPersonWithRoleInCommon_JoinsIt()
    {
        var view = View([Row(KenBoehm, "Ken Boehm", roles: ["chairman of the National Legal and Policy Center"])]);

        var plan = RegistrationPlan.Create([Person("Boehm", roles: ["chairman"])], view);

        Assert.Equal(KenBoehm, plan.Names["Boehm"]);
        Assert.Empty(plan.Merges);
    }

    [Fact]
    public void Create_SurnameWithNeitherRoleNorEventInCommon_StaysApart()
    {
        var view = View([Row(KenBoehm, "Ken Boehm", roles: ["chairman"])]);

        var plan = RegistrationPlan.Create([Person("Boehm", roles: ["striker"])], view);

        Assert.Equal(Boehm, plan.Names["Boehm"]);
    }

    [Fact]
    public void Create_SurnameSeenBesideTwoOfTheArticlesEntities_JoinsByTheEvent()
    {
        var entities = new[] { Person("Boehm"), Org("Boeing"), Org("Pentagon"), Org("Air Force") };
        var view = View([Row(KenBoehm, "Ken Boehm"), Row("entities/org-boeing", "Boeing", EntityKind.Organization), Row("entities/org-pentagon", "Pentagon", EntityKind.Organization)]);
        var (candidates, context) = RegistrationPlan.EvidenceToFetch(entities, view);

        var oneShared = RegistrationPlan.Create(entities, view, Beside(KenBoehm, "entities/org-boeing"));
        var twoShared = RegistrationPlan.Create(entities, view, Beside(KenBoehm, "entities/org-boeing", "entities/org-pentagon"));

        Assert.Equal([KenBoehm], candidates);
        Assert.Equal(["entities/org-boeing", "entities/org-pentagon"], context);
        Assert.Equal(Boehm, oneShared.Names["Boehm"]);
        Assert.Equal(KenBoehm, twoShared.Names["Boehm"]);
    }

    [Fact]
    public void Create_FullNameAfterItsSurname_AdoptsTheShortRow()
    {
        var view = View([Row(Boehm, "Boehm", aliases: ["Boehm", "Mr Boehm"], roles: ["chairman"])]);

        var plan = RegistrationPlan.Create([Person("Ken Boehm", roles: ["chairman of the Center"])], view);

        Assert.Equal(KenBoehm, plan.Names["Ken Boehm"]);
        var merge = Assert.Single(plan.Merges);
        Assert.Equal((Boehm, KenBoehm), (merge.From, merge.Into));
        Assert.Equal(["Boehm", "Mr Boehm"], merge.RemovedAliases);
        var row = Assert.Single(plan.Rows);
        Assert.Equal(["Ken Boehm", "Boehm", "Mr Boehm"], row.Aliases);
        Assert.Contains(("s:boehm", KenBoehm), plan.PersonKeys);
    }

    [Fact]
    public void Create_BothOrders_SameEntity()
    {
        var full = Person("Ken Boehm", roles: ["chairman"]);
        var shortName = Person("Boehm", roles: ["chairman"]);

        var fullFirst = RegistrationPlan.Create([shortName], View([Row(KenBoehm, "Ken Boehm", roles: ["chairman"])]));
        var shortFirst = RegistrationPlan.Create([full], View([Row(Boehm, "Boehm", roles: ["chairman"])]));

        Assert.Equal(KenBoehm, fullFirst.Names["Boehm"]);
        Assert.Equal(KenBoehm, Assert.Single(shortFirst.Merges).Into);
    }

    [Fact]
    public void Create_SurnameSharedByTwoRegisteredPeople_StaysApart()
    {
        var view = View(
            [Row("entities/person-george-bush", "George Bush", roles: ["president"]), Row("entities/person-jeb-bush", "Jeb Bush", roles: ["governor"])],
            keys: [new Listing("s:bush", EntityKind.Person, "entities/person-george-bush", "entities/person-jeb-bush")]);

        var plan = RegistrationPlan.Create([Person("Bush", roles: ["governor"])], view);

        Assert.Equal("entities/person-bush", plan.Names["Bush"]);
    }

    [Fact]
    public void Create_FullNameWhileAnotherPersonSharesTheSurname_DoesNotAdoptIt()
    {
        var view = View(
            [Row("entities/person-bush", "Bush", roles: ["governor"]), Row("entities/person-george-bush", "George Bush", roles: ["governor"])],
            keys: [new Listing("s:bush", EntityKind.Person, "entities/person-george-bush", "entities/person-george-bush")]);

        var plan = RegistrationPlan.Create([Person("Jeb Bush", roles: ["governor"])], view);

        Assert.Empty(plan.Merges);
        Assert.Equal("entities/person-jeb-bush", plan.Names["Jeb Bush"]);
    }

    [Fact]
    public void Create_TwoFullNamesAndTheSurnameInOneArticle_SurnameJoinsNeither()
    {
        var plan = RegistrationPlan.Create([Person("George Bush"), Person("Jeb Bush"), Person("Bush")], View([]));

        Assert.Equal("entities/person-bush", plan.Names["Bush"]);
        Assert.Equal(3, plan.Rows.Count);
    }

    [Fact]
    public void Create_SurnameAfterItsFullNameInOneArticle_SameArticleIsTheEvent()
    {
        var plan = RegistrationPlan.Create([Person("Boehm"), Person("Ken Boehm")], View([]));

        Assert.Equal(KenBoehm, plan.Names["Boehm"]);
        Assert.Equal([(KenBoehm, 2)], plan.Mentions);
    }

    [Fact]
    public void Create_AliasThatIsNoShortForm_JoinsWithoutEvidence()
    {
        var view = View([Row("entities/person-xi-jinping", "Xi Jinping", aliases: ["Xi", "Xi Jinping"])],
            aliases: [new Listing("Xi", EntityKind.Person, "entities/person-xi-jinping", "entities/person-xi-jinping")]);

        var plan = RegistrationPlan.Create([Person("Xi")], view);

        Assert.Equal("entities/person-xi-jinping", plan.Names["Xi"]);
    }

    [Fact]
    public void Create_MergedName_AnswersWithTheCanonicalRow()
    {
        var view = new RegistryView([Row(KenBoehm, "Ken Boehm")], [], [], new Dictionary<string, string> { [Boehm] = KenBoehm });

        var plan = RegistrationPlan.Create([Person("Boehm")], view);

        Assert.Equal(KenBoehm, plan.Names["Boehm"]);
        Assert.Equal([KenBoehm], plan.Rows.Select(r => r.Name));
    }

    /// <summary>What a store reads for these rows: unless given, each person key listed by the rows that have it.</summary>
    private static RegistryView View(EntityRow[] rows, Listing[]? keys = null, Listing[]? aliases = null) =>
        new(rows, aliases ?? [], keys ?? rows.Where(r => r.Kind == EntityKind.Person)
            .SelectMany(r => PersonNameForms.KeysOf(r.DisplayName).Select(k => (Key: k, r.Name)))
            .GroupBy(k => k.Key)
            .Select(g => new Listing(g.Key, EntityKind.Person, g.Select(k => k.Name).Min(StringComparer.Ordinal)!, g.Select(k => k.Name).Max(StringComparer.Ordinal)!))
            .ToArray(), new Dictionary<string, string>());

    private static PersonEvidence Beside(string candidate, params string[] names) =>
        new(new Dictionary<string, IReadOnlySet<string>> { [candidate] = names.ToHashSet() });

    private static EntityRow Row(string name, string display, EntityKind kind = EntityKind.Person, string[]? aliases = null, string[]? roles = null) =>
        new(name, display, kind, aliases ?? [display], roles ?? []);

    private static EntityInfo Person(string display, string[]? roles = null) =>
        new(display, display, EntityKind.Person, [], (roles ?? []).Select(r => new RoleInfo(r, 0, r.Length)).ToList(), 1, 0.5);

    private static EntityInfo Org(string display) => new(display, display, EntityKind.Organization, [], [], 1, 0.5);
}
