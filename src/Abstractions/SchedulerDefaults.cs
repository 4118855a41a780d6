namespace ServicePro.Abstractions;

/// <summary>How a trade's jobs sit in the calendar and what it asks up front.</summary>
public sealed record SchedulerDefaults(int DefaultBufferMinutes, bool RequireDeposit, int DepositPercentage);
