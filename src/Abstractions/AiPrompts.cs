namespace ServicePro.Abstractions;

/// <summary>Prompts for the tenant's AI assistant and the technician bio coach.</summary>
public sealed record AiPrompts(string SystemPrompt, string BioCoachPrompt);
