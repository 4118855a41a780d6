using System.Text.Encodings.Web;
using Fluid;
using Fluid.Ast;
using Microsoft.Extensions.Caching.Memory;

namespace ServicePro.Host.Messaging;

/// <summary>A rendered message, or why the template can't be used, in words for the business owner.</summary>
public sealed record RenderedMessage(string? Text, string? Problem)
{
    public bool Succeeded => Problem is null;
}

/// <summary>
/// Turns a tenant's Liquid template and <see cref="MessageFacts"/> into the text a customer receives. Templates
/// are written by business owners, so rendering is fenced: the only values in reach are the facts (strings and
/// numbers in dictionaries; no .NET member is ever exposed), loops are bounded, unknown filters fail, and a
/// variable that isn't one of <see cref="MessageFacts.Variables"/> makes the template unusable rather than
/// quietly sending "Hi ," to a customer.
/// </summary>
public sealed class MessageRenderer(IMemoryCache cache)
{
    private static readonly FluidParser Parser = new();

    // Shared by every render: TemplateOptions is read-only once rendering starts. The default member-access
    // strategy exposes no .NET type that isn't registered, and none is.
    private static readonly TemplateOptions Options = new()
    {
        StrictFilters = true,
        MaxSteps = 10_000,
        MaxRecursion = 10,
        CultureInfo = MessageFacts.Culture,
    };

    private static readonly HashSet<string> KnownVariables = new(MessageFacts.Variables, StringComparer.Ordinal);
    private static readonly HashSet<string> KnownObjects = new(
        MessageFacts.Variables.Where(v => v.Contains('.', StringComparison.Ordinal)).Select(v => v[..v.LastIndexOf('.')]), StringComparer.Ordinal);
    private static readonly TimeSpan CacheLifetime = TimeSpan.FromHours(1);

    // Fluid builds a range's whole list before the loop's first step, so the step limit can't stop (1..100000000).
    private const int MaxRange = 1000;

    /// <summary>
    /// What is wrong with a template (syntax, unknown variables, unbounded loops), or null when it can be sent.
    /// Not cached: it runs where templates are accepted (a pack's at load), not on every message.
    /// </summary>
    public static string? Check(string template) => ParseUncached(template).Problem;

    public async Task<RenderedMessage> RenderAsync(string template, MessageFacts facts, TimeZoneInfo zone, DateTimeOffset now)
    {
        var parsed = Parse(template);
        if (parsed.Template is null)
        {
            return new RenderedMessage(null, parsed.Problem);
        }

        // The step limit is read from the context, which doesn't take it from the options.
        var context = new TemplateContext(Options) { TimeZone = zone, Now = () => now, MaxSteps = Options.MaxSteps };
        foreach (var (name, value) in facts.ToVariables())
        {
            context.SetValue(name, value);
        }

        try
        {
            // SMS is plain text: nothing is HTML-encoded ("Tom & Jerry's" stays as typed).
            var text = await parsed.Template.RenderAsync(context, NullEncoder.Default);
            return new RenderedMessage(text.Trim(), null);
        }
        catch (FluidException ex)
        {
            return new RenderedMessage(null, $"The template can't be used: {ex.Message}");
        }
        catch (InvalidOperationException)
        {
            // Fluid's way of saying the step or recursion limit was reached (its message blames a cyclic include).
            return new RenderedMessage(null, "The template does too much work for one message; simplify its loops.");
        }
    }

    /// <summary>
    /// Parsing is the expensive part and a tenant's template rarely changes, so parsed templates are cached by
    /// their text (the parser and a parsed template are both safe to share between threads). An edited template
    /// is a new key; the old one expires unused.
    /// </summary>
    private ParsedTemplate Parse(string template) =>
        cache.GetOrCreate(new TemplateKey(template), entry =>
        {
            entry.SlidingExpiration = CacheLifetime;
            return ParseUncached(template);
        })!;

    private static ParsedTemplate ParseUncached(string template)
    {
        if (!Parser.TryParse(template, out var parsed, out var error))
        {
            return new ParsedTemplate(null, $"The template has a mistake: {error.Split('\n')[0].Trim()}");
        }

        var collector = VariableCollector.Collect(parsed);
        if (collector.UnboundedRange)
        {
            return new ParsedTemplate(null, $"Loops may only count between two numbers written in the template, at most {MaxRange:N0} apart.");
        }

        var unknown = collector.Uses.Where(v => !IsKnown(v)).Select(v => v.Path).Distinct(StringComparer.Ordinal).ToList();
        return unknown.Count == 0
            ? new ParsedTemplate(parsed, null)
            : new ParsedTemplate(null,
                $"The template uses {string.Join(", ", unknown.Select(v => $"{{{{ {v} }}}}"))}, which we can't fill in. "
                + $"Available: {string.Join(", ", MessageFacts.Variables)}.");
    }

    /// <summary>
    /// Known: a fact ("booking.date"), an object holding facts ("{% if booking %}"), a string's size, first or
    /// last character, or a name the template made itself (assign, capture, for) and anything below it.
    /// </summary>
    private static bool IsKnown(VariableUse use) =>
        use.Local
        || KnownVariables.Contains(use.Path)
        || KnownObjects.Contains(use.Path)
        || (use.Path.LastIndexOf('.') is var dot and > 0 && KnownVariables.Contains(use.Path[..dot]) && use.Path[(dot + 1)..] is "size" or "first" or "last");

    private sealed record ParsedTemplate(IFluidTemplate? Template, string? Problem);

    private readonly record struct TemplateKey(string Template);

    private readonly record struct VariableUse(string Path, bool Local);

    /// <summary>Collects the dotted paths a template reads ("customer.first_name"), marking names the template made itself.</summary>
    private sealed class VariableCollector : AstVisitor
    {
        private readonly HashSet<string> _locals = new(StringComparer.Ordinal) { "forloop", "tablerowloop", "empty", "blank" };
        private readonly List<string> _paths = [];

        public IEnumerable<VariableUse> Uses => _paths.Select(p => new VariableUse(p, _locals.Contains(p.Split('.')[0])));

        /// <summary>A range whose ends aren't numbers in the template, or are too far apart.</summary>
        public bool UnboundedRange { get; private set; }

        public static VariableCollector Collect(IFluidTemplate template)
        {
            var collector = new VariableCollector();
            collector.VisitTemplate(template);
            return collector;
        }

        protected override Expression VisitRangeExpression(RangeExpression rangeExpression)
        {
            if (rangeExpression is not { From: LiteralExpression from, To: LiteralExpression to }
                || Math.Abs(to.Value.ToNumberValue() - from.Value.ToNumberValue()) > MaxRange)
            {
                UnboundedRange = true;
            }

            return base.VisitRangeExpression(rangeExpression);
        }

        protected override Statement VisitAssignStatement(AssignStatement assignStatement)
        {
            _locals.Add(assignStatement.Identifier);
            return base.VisitAssignStatement(assignStatement);
        }

        protected override Statement VisitCaptureStatement(CaptureStatement captureStatement)
        {
            _locals.Add(captureStatement.Identifier);
            return base.VisitCaptureStatement(captureStatement);
        }

        protected override Statement VisitForStatement(ForStatement forStatement)
        {
            _locals.Add(forStatement.Identifier);
            return base.VisitForStatement(forStatement);
        }

        protected override Expression VisitMemberExpression(MemberExpression memberExpression)
        {
            // The path up to the first segment that isn't a plain name (an index such as [0] ends it).
            var names = memberExpression.Segments.TakeWhile(s => s is IdentifierSegment).Cast<IdentifierSegment>().Select(s => s.Identifier).ToList();
            if (names.Count > 0)
            {
                _paths.Add(string.Join('.', names));
            }

            return base.VisitMemberExpression(memberExpression);
        }
    }
}
