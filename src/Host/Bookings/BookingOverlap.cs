namespace ServicePro.Host.Bookings;

/// <summary>
/// The database's guarantee against double booking on PostgreSQL: no two bookings that hold time
/// (<see cref="Booking.HoldingTime"/>) may overlap for the same tenant and technician. Ranges are half-open, so
/// back-to-back jobs are fine. A violation raises SQLSTATE 23P01 naming <see cref="ConstraintName"/>.
/// </summary>
public static class BookingOverlap
{
    public const string ConstraintName = "bookings_no_overlap";

    public const string SqlState = "23P01";

    public static readonly string CreateSql =
        $"""
         ALTER TABLE bookings ADD CONSTRAINT {ConstraintName} EXCLUDE USING gist (
             tenant_id WITH =,
             technician_id WITH =,
             tstzrange(starts_at, ends_at, '[)') WITH &&
         ) WHERE (status IN ('pending', 'confirmed', 'completed'));
         """;

    public static readonly string DropSql = $"ALTER TABLE bookings DROP CONSTRAINT IF EXISTS {ConstraintName};";
}
