using ServicePro.Host.Bookings;


namespace ServicePro.Host.Notices;

/// <summary>The "ServicePro:Notices" section: when customers hear about their bookings.</summary>
public sealed class NoticeOptions
{
    public const string Section = "ServicePro:Notices";

    /// <summary>A booking gets its reminder once its start is this close (the seed's "24 h before").</summary>
    public double ReminderLeadHours { get; set; } = 24;

    /// <summary>
    /// A booking made less than this long before its start gets no reminder: the customer has just booked and
    /// has the confirmation in hand, and a second text minutes later reads like spam.
    /// </summary>
    public double ReminderMinimumBookedAheadHours { get; set; } = 2;

    /// <summary>The first retry after a provider said "later" (Hangfire's own backoff takes over after that).</summary>
    public double RetryDelaySeconds { get; set; } = 60;

    public TimeSpan ReminderLead => TimeSpan.FromHours(ReminderLeadHours);

    public TimeSpan ReminderMinimumBookedAhead => TimeSpan.FromHours(ReminderMinimumBookedAheadHours);
}
