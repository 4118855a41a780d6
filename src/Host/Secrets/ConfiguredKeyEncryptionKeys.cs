using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using ServicePro.Host.Persistence;

namespace ServicePro.Host.Secrets;

/// <summary>
/// Key-encryption keys from configuration (hex values or key files), several versions at once. With none
/// configured, the embedded SQLite default generates a local key file and says where; PostgreSQL (production)
/// refuses to start instead.
/// </summary>
public sealed class ConfiguredKeyEncryptionKeys : IKeyEncryptionKeyProvider
{
    private readonly Dictionary<int, byte[]> _keys = [];

    public ConfiguredKeyEncryptionKeys(
        IOptions<SecretsOptions> options, IOptions<DatabaseOptions> database, IHostEnvironment environment,
        ILogger<ConfiguredKeyEncryptionKeys> logger)
    {
        var o = options.Value;
        // An empty entry (e.g. an unset environment variable) counts as not configured.
        foreach (var (version, hex) in o.Keys.Where(k => !string.IsNullOrWhiteSpace(k.Value)))
        {
            _keys[ParseVersion(version)] = ParseKey(hex, $"ServicePro:Secrets:Keys:{version}");
        }

        foreach (var (version, path) in o.KeyFiles.Where(k => !string.IsNullOrWhiteSpace(k.Value)))
        {
            if (!File.Exists(path))
            {
                throw new InvalidOperationException($"ServicePro:Secrets:KeyFiles:{version} points at {path}, which does not exist.");
            }

            _keys[ParseVersion(version)] = ParseKey(File.ReadAllText(path).Trim(), $"the key file {path}");
        }

        if (_keys.Count == 0)
        {
            if (database.Value.Provider != DatabaseProvider.Sqlite)
            {
                throw new InvalidOperationException(
                    "No master key: set ServicePro:Secrets:Keys:1 to 64 hex characters (e.g. `openssl rand -hex 32`) or " +
                    "ServicePro:Secrets:KeyFiles:1 to a file holding them. See README.md, 'Secrets and the master key'.");
            }

            var file = o.LocalKeyFile ?? Path.Combine(environment.ContentRootPath, "App_Data", "master-key-v1.hex");
            _keys[1] = LocalKey(file, logger);
        }

        ActiveVersion = o.ActiveVersion ?? _keys.Keys.Max();
        if (!_keys.ContainsKey(ActiveVersion))
        {
            throw new InvalidOperationException($"ServicePro:Secrets:ActiveVersion is {ActiveVersion}, but no key with that version is configured.");
        }

        Versions = [.. _keys.Keys.Order()];
    }

    public int ActiveVersion { get; }

    public IReadOnlyList<int> Versions { get; }

    public byte[] Wrap(int version, ReadOnlySpan<byte> dataKey, ReadOnlySpan<byte> associatedData) =>
        Sealed.Seal(Key(version), dataKey, associatedData);

    public byte[] Unwrap(int version, ReadOnlySpan<byte> wrapped, ReadOnlySpan<byte> associatedData) =>
        Sealed.Open(Key(version), wrapped, associatedData);

    private byte[] Key(int version) => _keys.TryGetValue(version, out var key) ? key : throw new UnknownKeyVersionException(version);

    private static byte[] LocalKey(string file, ILogger logger)
    {
        if (!File.Exists(file))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, Convert.ToHexString(RandomNumberGenerator.GetBytes(Sealed.KeySize)));
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            logger.LogWarning(
                "Generated a local master key at {KeyFile} for the embedded database. Keep it with the database: secrets " +
                "cannot be read without it. Production configures ServicePro:Secrets:Keys instead.", file);
        }

        return ParseKey(File.ReadAllText(file).Trim(), $"the key file {file}");
    }

    private static int ParseVersion(string version) =>
        int.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v > 0
            ? v
            : throw new InvalidOperationException($"Key version '{version}' must be a positive whole number.");

    private static byte[] ParseKey(string hex, string where) =>
        hex.Length == Sealed.KeySize * 2 && hex.All(char.IsAsciiHexDigit)
            ? Convert.FromHexString(hex)
            // Never echo the value: it is (or was meant to be) a key.
            : throw new InvalidOperationException($"The master key in {where} must be exactly 64 hex characters (32 bytes).");
}
