using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ServicePro.Host.Admin;
using ServicePro.Host.Bookings;
using ServicePro.Host.Catalog;
using ServicePro.Host.Customers;
using ServicePro.Host.Persistence;
using ServicePro.Host.Scheduling;
using ServicePro.Host.Technicians;
using ServicePro.Host.Tenancy;

namespace ServicePro.Host.Calendar.Pages;

/// <summary>A customer as the booking form lists them.</summary>
public sealed record CustomerChoice(Guid Id, string Name, string Phone);

/// <summary>A service as the booking form lists it.</summary>
public sealed record ServiceChoice(Guid Id, string Name, int DurationMinutes);

/// <summary>
/// Staff book a job: customer, service, technician (or whoever is free) and day, then one of that day's open
/// times. The first part is a GET form, so every step has an address and the back button works; only booking
/// itself is a POST.
/// </summary>
public sealed class NewModel(ServiceProDbContext db, BookingService bookings, AvailabilityService availability, TimeProvider clock)
    : CalendarPageModel
{
    /// <summary>How many customers the list offers at once; the search narrows it.</summary>
    private const int CustomersListed = 200;

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = "customer")]
    public Guid? CustomerId { get; set; }

    [BindProperty(SupportsGet = true, Name = "service")]
    public Guid? ServiceId { get; set; }

    /// <summary>A technician, or none for whoever is free.</summary>
    [BindProperty(SupportsGet = true, Name = "technician")]
    public Guid? TechnicianId { get; set; }

    [BindProperty(SupportsGet = true, Name = "date")]
    public string? DateParameter { get; set; }

    [BindProperty]
    public string? Slot { get; set; }

    [BindProperty]
    public string? Notes { get; set; }

    public DateOnly Date { get; private set; }

    public IReadOnlyList<CustomerChoice> Customers { get; private set; } = [];

    public IReadOnlyList<ServiceChoice> Services { get; private set; } = [];

    public IReadOnlyList<CalendarTechnician> Technicians { get; private set; } = [];

    /// <summary>The open times to book (the day's, or a conflict's nearest alternatives).</summary>
    public SlotChoices? TimeChoices { get; private set; }

    /// <summary>Why there are no times to offer, when a search was made.</summary>
    public string? NoTimesReason { get; private set; }

    /// <summary>Whether customer, service and day are all chosen, so open times can be looked up.</summary>
    public bool ReadyForTimes => CustomerId is not null && ServiceId is not null && Errors.Count == 0;

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadChoicesAsync(ct);
        if (ReadyForTimes)
        {
            await OfferTimesAsync(ct);
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadChoicesAsync(ct);
        if (!ReadyForTimes)
        {
            Problem = "Choose a customer and a service first.";
            return Page();
        }

        if (ParseSlot(Slot) is not { } startsAt)
        {
            Errors["booking-times"] = "Choose one of the open times.";
            await OfferTimesAsync(ct);
            return Page();
        }

        var draft = new BookingDraft(CustomerId!.Value, ServiceId!.Value, startsAt, "staff") { TechnicianId = TechnicianId, Notes = Notes };
        var outcome = await bookings.CreateAsync(draft, Actor, ct);
        switch (outcome)
        {
            case BookingDone done:
                Notice = $"Booked {CalendarFormat.LongDate(DateOnly.FromDateTime(Local(done.Booking.StartsAt)))} at {CalendarPicture.Clock(Local(done.Booking.StartsAt))}.";
                return Redirect(BookingUrl(done.Booking.Id));
            case BookingConflict conflict:
                Problem = conflict.Detail;
                TimeChoices = conflict.Alternatives.Count == 0 ? null
                    : Choices("booking-times", "Nearest open times", conflict.Alternatives, Names, showDate: true, showWho: TechnicianId is null);
                return Page();
            case BookingRefused refused:
                Refused(refused, field => field switch
                {
                    "customerId" => "customer",
                    "serviceId" => "service",
                    "notes" => nameof(Notes),
                    _ => field,
                });
                await OfferTimesAsync(ct);
                return Page();
            default:
                throw new InvalidOperationException($"Unexpected outcome {outcome.GetType().Name}.");
        }
    }

    private IReadOnlyDictionary<Guid, string> Names => Technicians.ToDictionary(t => t.Id, t => t.Name);

    private async Task LoadChoicesAsync(CancellationToken ct)
    {
        Date = CalendarFormat.ParseIsoDate(DateParameter) ?? TodayAt(clock.GetUtcNow());
        var customers = db.Customers.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Search))
        {
            var term = Search.Trim();
            customers = customers.Where(c => c.Name.Contains(term) || c.Phone.Contains(term) || (c.Email != null && c.Email.Contains(term)));
        }

        var listed = await customers.OrderBy(c => c.Name).Take(CustomersListed).Select(c => new CustomerChoice(c.Id, c.Name, c.Phone)).ToListAsync(ct);
        // The chosen customer stays in the list even when a new search would leave them out.
        if (CustomerId is { } chosen && listed.All(c => c.Id != chosen))
        {
            var customer = await db.Customers.AsNoTracking().Where(c => c.Id == chosen)
                .Select(c => new CustomerChoice(c.Id, c.Name, c.Phone)).FirstOrDefaultAsync(ct);
            if (customer is null)
            {
                Errors["customer"] = "There is no such customer.";
            }
            else
            {
                listed.Insert(0, customer);
            }
        }

        Customers = listed;
        Services = await db.Services.AsNoTracking().Where(s => s.IsActive).OrderBy(s => s.SortOrder).ThenBy(s => s.Name)
            .Select(s => new ServiceChoice(s.Id, s.Name, s.DurationMinutes)).ToListAsync(ct);
        if (ServiceId is { } service && Services.All(s => s.Id != service))
        {
            Errors["service"] = "That service is not offered.";
        }

        Technicians = await db.Technicians.AsNoTracking().Where(t => t.IsActive).OrderBy(t => t.Name)
            .Select(t => new CalendarTechnician(t.Id, t.Name, t.Color)).ToListAsync(ct);
        if (TechnicianId is { } technician && Technicians.All(t => t.Id != technician))
        {
            Errors["technician"] = "There is no such technician.";
        }
    }

    private async Task OfferTimesAsync(CancellationToken ct)
    {
        var location = await db.Customers.AsNoTracking().Where(c => c.Id == CustomerId && c.Lat != null && c.Lng != null)
            .Select(c => new GeoPoint(c.Lat!.Value, c.Lng!.Value)).FirstOrDefaultAsync(ct);
        var answer = await availability.FindAsync(new AvailabilityRequest(ServiceId!.Value, Date, Date)
        {
            TechnicianId = TechnicianId,
            Location = location,
        }, ct);
        var who = TechnicianId is { } id ? " with " + Names.GetValueOrDefault(id) : "";
        switch (answer)
        {
            case OpenTimes { Slots.Count: > 0 } open:
                TimeChoices = Choices("booking-times", $"Open times on {CalendarFormat.ShortDate(Date)}{who}", open.Slots, Names,
                    showDate: false, showWho: TechnicianId is null);
                break;
            case OpenTimes:
                NoTimesReason = $"No open times on {CalendarFormat.LongDate(Date)}{who}. Try another day.";
                break;
            case OutsideServiceArea outside:
                NoTimesReason = outside.Message;
                break;
            case AvailabilityRefused refused:
                NoTimesReason = refused.Detail;
                break;
        }
    }
}
