using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ServicePro.Host.Hosting;
using ServicePro.Host.Messaging;
using ServicePro.Host.Plugins;

namespace ServicePro.Tests.Messaging;

public sealed class MessageRendererTests
{
    private static readonly PluginCatalog Catalog = new(Options.Create(new PluginsOptions()), NullLogger<PluginCatalog>.Instance);
    private static readonly TimeZoneInfo Chicago = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 9, 50, 0, TimeSpan.FromHours(-6));

    private readonly MessageRenderer _renderer = new(new MemoryCache(new MemoryCacheOptions()));

    /// <summary>Every loaded pack's every template (SMS bodies, email subjects and bodies), by pack and moment.</summary>
    public static TheoryData<string, string, string> PackTemplates()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (slug, pack) in Catalog.IndustryPacks.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            foreach (var (moment, body) in pack.SmsTemplates)
            {
                data.Add(slug, "sms " + moment, body);
            }

            foreach (var (moment, email) in pack.EmailTemplates)
            {
                data.Add(slug, "email subject " + moment, email.Subject);
                data.Add(slug, "email body " + moment, email.Body);
            }
        }

        return data;
    }

    [Fact]
    public void The_four_trades_and_the_custom_pack_all_have_text_templates()
    {
        foreach (var pack in new[] { "auto_detail", "lawn_care", "pet_grooming", "house_cleaning", "custom" })
        {
            Assert.NotEmpty(Catalog.FindPack(pack)!.SmsTemplates);
        }
    }

    [Theory]
    [MemberData(nameof(PackTemplates))]
    public async Task Every_pack_template_renders_with_every_variable_filled_in(string pack, string which, string template)
    {
        Assert.Null(MessageRenderer.Check(template));

        var rendered = await _renderer.RenderAsync(template, MessageFacts.Example(), Chicago, Now);

        Assert.True(rendered.Succeeded, $"{pack} {which}: {rendered.Problem}");
        Assert.DoesNotContain("{{", rendered.Text);
        Assert.DoesNotContain("{%", rendered.Text);
        Assert.DoesNotMatch(@"\s[,.:!]", rendered.Text!.Replace("...", "", StringComparison.Ordinal)); // an empty variable leaves "Hi , ..."
        if (template.Contains("business.name", StringComparison.Ordinal))
        {
            Assert.Contains("Clean Machine Auto Detail", rendered.Text);
        }
    }

    [Fact]
    public async Task Dates_and_times_read_in_the_businesss_time_zone()
    {
        var facts = MessageFacts.Example(new DateTimeOffset(2026, 11, 24, 16, 30, 0, TimeSpan.Zero)); // 10:30 in Chicago

        var rendered = await _renderer.RenderAsync(
            "{{ booking.when }} | {{ booking.date }} | {{ booking.time }} | {{ customer.first_name }} | {{ technician.first_name }} | {{ eta_minutes }} min",
            facts with { Booking = facts.Booking! with { LocalStart = TimeZoneInfo.ConvertTime(facts.Booking.LocalStart, Chicago) } },
            Chicago, Now);

        Assert.Equal("Tue, Nov 24 at 10:30 AM | Tue, Nov 24 | 10:30 AM | Jordan | Sam | 25 min", rendered.Text);
    }

    [Fact]
    public async Task A_template_that_names_something_we_cannot_fill_in_is_refused_with_the_names()
    {
        const string template = "Hi {{ customer.nickname }}, see you {{ booking.date }} ({{ secret_code }})";

        var problem = MessageRenderer.Check(template);
        var rendered = await _renderer.RenderAsync(template, MessageFacts.Example(), Chicago, Now);

        Assert.NotNull(problem);
        Assert.Contains("{{ customer.nickname }}", problem);
        Assert.Contains("{{ secret_code }}", problem);
        Assert.DoesNotContain("booking.date }}", problem.Split("Available:")[0]);
        Assert.False(rendered.Succeeded);
        Assert.Null(rendered.Text);
    }

    [Fact]
    public async Task A_template_with_a_syntax_mistake_is_refused_in_words()
    {
        var rendered = await _renderer.RenderAsync("Hi {{ customer.first_name", MessageFacts.Example(), Chicago, Now);

        Assert.False(rendered.Succeeded);
        Assert.StartsWith("The template has a mistake", rendered.Problem);
    }

    [Fact]
    public async Task Liquid_logic_filters_and_names_the_template_makes_itself_work()
    {
        const string template =
            "{% assign who = customer.first_name | upcase %}{% if eta_minutes > 10 %}{{ who }}: {{ eta_minutes }} min{% endif %}"
            + "{% for word in (1..2) %}.{% endfor %} {{ customer.name.size }}";

        Assert.Null(MessageRenderer.Check(template));
        Assert.Equal("JORDAN: 25 min.. 12", (await _renderer.RenderAsync(template, MessageFacts.Example(), Chicago, Now)).Text);
    }

    [Fact]
    public async Task Text_is_not_html_encoded()
    {
        var facts = MessageFacts.Example() with { Business = new BusinessFacts("Tom & Jerry's <Lawns>", null, "https://x.example") };

        Assert.Equal("Tom & Jerry's <Lawns>", (await _renderer.RenderAsync("{{ business.name }}", facts, Chicago, Now)).Text);
    }

    [Fact]
    public async Task A_runaway_loop_or_an_unknown_filter_stops_with_a_problem_instead_of_hanging_or_guessing()
    {
        var hugeRange = await _renderer.RenderAsync("{% for i in (1..100000000) %}x{% endfor %}", MessageFacts.Example(), Chicago, Now);
        var rangeOverAFact = await _renderer.RenderAsync("{% for i in (1..customer.phone) %}x{% endfor %}", MessageFacts.Example(), Chicago, Now);
        var nestedLoops = await _renderer.RenderAsync(
            "{% for i in (1..1000) %}{% for j in (1..1000) %}x{% endfor %}{% endfor %}", MessageFacts.Example(), Chicago, Now);
        var filter = await _renderer.RenderAsync("{{ customer.name | exfiltrate }}", MessageFacts.Example(), Chicago, Now);

        Assert.Contains("at most 1,000 apart", hugeRange.Problem);
        Assert.Contains("at most 1,000 apart", rangeOverAFact.Problem);
        Assert.Contains("too much work", nestedLoops.Problem);
        Assert.Contains("exfiltrate", filter.Problem);
    }

    [Fact]
    public void The_variables_are_the_ones_the_packs_and_staff_expect()
    {
        Assert.Superset(
            new HashSet<string>
            {
                "business.name", "business.phone", "business.website", "customer.name", "customer.first_name", "customer.phone",
                "booking.service", "booking.date", "booking.time", "booking.when", "booking.address", "booking.technician", "booking.eta",
                "technician.name", "technician.first_name", "eta_minutes", "weather.reason", "reschedule_url", "review_url",
            },
            MessageFacts.Variables.ToHashSet());
    }
}
