package io.labgate.alerts;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * Create or replace a channel. {@code secret} — the webhook's signing secret, or the password of the channel's
 * own SMTP server — is write-only: left out or empty on replace keeps the stored one.
 */
public record AlertChannelRequest(
        @NotBlank(message = "is required") @Size(max = 100, message = "is too long") String name,
        @NotNull(message = "is required") @Pattern(regexp = "email|webhook", message = "must be one of email, webhook")
        String kind,
        @Schema(description = "Webhook: http(s) URL") @Size(max = 500, message = "is too long") String url,
        @Schema(description = "Webhook: json (LabGate's payload) or slack", defaultValue = "json")
        @Pattern(regexp = "json|slack", message = "must be one of json, slack") String format,
        @Schema(description = "E-mail: addresses that receive every alert of the rules using the channel")
        @Size(max = 50, message = "at most 50 addresses")
        List<@NotBlank(message = "is required") @Email(message = "must be a valid email address")
        @Size(max = 255, message = "is too long") String> recipients,
        @Schema(description = "E-mail: a member also hears of their own limits, at their own address")
        Boolean notifyMember,
        @Schema(description = "Language of texts to addresses that are not members'", defaultValue = "ko")
        @Pattern(regexp = "ko|en", message = "must be one of ko, en") String language,
        @Schema(description = "E-mail through this SMTP server instead of the configured one")
        @Size(max = 255, message = "is too long") String smtpHost,
        @Min(value = 1, message = "must be between 1 and 65535") @Max(value = 65535, message = "must be between 1 and 65535")
        Integer smtpPort,
        @Size(max = 255, message = "is too long") String smtpUsername,
        @Email(message = "must be a valid email address") @Size(max = 255, message = "is too long") String smtpFrom,
        Boolean smtpStartTls,
        @Schema(description = "Write-only: the webhook's signing secret or the SMTP password")
        @Size(max = 500, message = "is too long") String secret,
        Boolean enabled) {

    public AlertChannelRequest {
        recipients = recipients == null ? List.of() : recipients;
        format = format == null ? "json" : format;
        language = language == null ? "ko" : language;
    }

    /** Keeps the secret out of any log line that prints the request. */
    @Override
    public String toString() {
        return "AlertChannelRequest[name=" + name + ", kind=" + kind + "]";
    }
}
