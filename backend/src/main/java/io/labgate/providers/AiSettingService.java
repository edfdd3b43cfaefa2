package io.labgate.providers;

import io.labgate.audit.AuditService;
import io.labgate.common.security.CurrentMember;
import io.labgate.common.crypto.SecretCipher;
import io.labgate.common.error.ApiException;
import io.labgate.common.error.ErrorCode;
import io.labgate.common.error.ViolationCode;
import io.labgate.members.MemberRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import java.math.RoundingMode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** Provider settings: validation, key encryption and the rules on deleting a setting in use. */
@ApplicationScoped
public class AiSettingService {

    /** Associated data bound into every provider key's ciphertext. */
    static final String KEY_PURPOSE = "ai_settings.api_key";

    private final AiSettingRepository repository;
    private final MemberRepository members;
    private final SecretCipher cipher;
    private final ConnectionTester connectionTester;
    private final AuditService audit;
    private final CurrentMember currentMember;
    private final Clock clock;
    private final Event<ProviderKeyRejected> keyRejected;

    AiSettingService(AiSettingRepository repository, MemberRepository members, SecretCipher cipher,
                     ConnectionTester connectionTester, AuditService audit, CurrentMember currentMember,
                     Clock clock, Event<ProviderKeyRejected> keyRejected) {
        this.keyRejected = keyRejected;
        this.repository = repository;
        this.members = members;
        this.cipher = cipher;
        this.connectionTester = connectionTester;
        this.audit = audit;
        this.currentMember = currentMember;
        this.clock = clock;
    }

    @Transactional
    public List<AiSettingView> list() {
        Map<Long, Long> counts = repository.membersPerSetting();
        return repository.listByName().stream()
                .map(s -> AiSettingView.of(s, counts.getOrDefault(s.id, 0L))).toList();
    }

    @Transactional
    public AiSettingView get(long id) {
        return view(find(id));
    }

    @Transactional
    public AiSettingView create(AiSettingRequest request) {
        if (repository.nameTaken(request.name(), null)) {
            throw ApiException.duplicate("name", "A provider setting with this name already exists");
        }
        AiSetting setting = new AiSetting();
        setting.createdAt = OffsetDateTime.now(clock);
        Long actor = currentMember.idOrNull();
        setting.createdBy = actor == null ? null : members.findById(actor);
        apply(setting, request);
        repository.persist(setting);
        AiSettingView view = view(setting);
        audit.record("ai_settings.create", "ai_settings", setting.id, null, view);
        return view;
    }

    @Transactional
    public AiSettingView update(long id, AiSettingRequest request) {
        AiSetting setting = find(id);
        if (repository.nameTaken(request.name(), id)) {
            throw ApiException.duplicate("name", "A provider setting with this name already exists");
        }
        AiSettingView before = view(setting);
        apply(setting, request);
        AiSettingView after = view(setting);
        audit.record(hasText(request.apiKey()) ? "ai_settings.update_with_key" : "ai_settings.update",
                "ai_settings", id, before, after);
        return after;
    }

    @Transactional
    public void delete(long id) {
        AiSetting setting = find(id);
        AiSettingView before = view(setting);
        if (before.membersCount() > 0) {
            throw ApiException.conflict(ErrorCode.SETTING_IN_USE, before.membersCount()
                    + " member(s) use this provider setting; assign them another one or deactivate it instead",
                    Map.of("members", before.membersCount()));
        }
        repository.delete(setting);
        audit.record("ai_settings.delete", "ai_settings", id, before, null);
    }

    /** Not transactional around the network call: the connection pool is not held while waiting. */
    public ConnectionTestResult testConnection(long id) {
        ProviderConnection connection = connection(id);
        ConnectionTestResult result = connectionTester.test(connection);
        if (result.success()) {
            clearFailure(id);
        }
        return result;
    }

    /**
     * The provider rejected the platform's key during a member's call: kept on the setting so the super-admin
     * sees it on the settings card until the key is replaced or a connection test passes.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordKeyFailure(long id, String reason) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        // One statement: calls rejected at the same moment wait on the row, and all but the first find the run
        // already begun, so a run of rejections has one start (the alert fires once per run).
        List<?> since = repository.getEntityManager().createNativeQuery("""
                        UPDATE ai_settings SET last_error = :reason, last_error_at = :now,
                               key_failing_since = COALESCE(key_failing_since, :now)
                         WHERE id = :id RETURNING key_failing_since
                        """, OffsetDateTime.class)
                .setParameter("reason", reason.length() > 300 ? reason.substring(0, 300) : reason)
                .setParameter("now", now)
                .setParameter("id", id)
                .getResultList();
        if (!since.isEmpty()) {
            keyRejected.fire(new ProviderKeyRejected(id, (OffsetDateTime) since.getFirst()));
        }
    }

    @Transactional
    void clearFailure(long id) {
        repository.findByIdOptional(id).ifPresent(AiSettingService::clearFailure);
    }

    private static void clearFailure(AiSetting setting) {
        setting.lastError = null;
        setting.lastErrorAt = null;
        setting.keyFailingSince = null;
    }

    /** The decrypted connection details, for the adapters that call the provider. */
    @Transactional
    public ProviderConnection connection(long id) {
        AiSetting setting = find(id);
        String key = setting.apiKeyEncrypted == null ? null : cipher.decrypt(setting.apiKeyEncrypted, KEY_PURPOSE);
        return new ProviderConnection(setting.id, setting.providerKind(), setting.baseUrl, key, setting.modelName);
    }

    /**
     * Re-encrypts every stored key under the current master key (after LABGATE_MASTER_KEY was given a new
     * first entry). Returns how many values changed.
     */
    @Transactional
    public int reEncryptAll() {
        int changed = 0;
        for (AiSetting setting : repository.withStoredKey()) {
            if (!cipher.isCurrent(setting.apiKeyEncrypted)) {
                String key = cipher.decrypt(setting.apiKeyEncrypted, KEY_PURPOSE);
                setting.apiKeyEncrypted = cipher.encrypt(key, KEY_PURPOSE);
                changed++;
            }
        }
        audit.record("crypto.rotate", "ai_settings", null, null, Map.of("re_encrypted", changed));
        return changed;
    }

    public AiSetting find(long id) {
        return repository.findByIdOptional(id)
                .orElseThrow(() -> ApiException.notFound("ai_setting", id));
    }

    private AiSettingView view(AiSetting setting) {
        long count = setting.id == null ? 0 : repository.membersPerSetting().getOrDefault(setting.id, 0L);
        return AiSettingView.of(setting, count);
    }

    private void apply(AiSetting setting, AiSettingRequest request) {
        Provider provider = Provider.fromWire(request.provider());
        String baseUrl = baseUrl(provider, request.baseUrl());
        // A stored key goes only where it was given for: another provider or origin needs its own key.
        if (setting.apiKeyEncrypted != null && !hasText(request.apiKey()) && provider != Provider.SANDBOX
                && !ProviderDestination.sameDestination(setting.providerKind(), setting.baseUrl, provider, baseUrl)) {
            throw ApiException.invalid("api_key", ViolationCode.REQUIRED_FOR_NEW_DESTINATION,
                    "is required when the provider or the base URL's origin changes; the stored key stays with the old one");
        }
        setting.name = request.name().trim();
        setting.provider = provider.wireName();
        setting.baseUrl = baseUrl;
        if (hasText(request.apiKey())) {
            clearFailure(setting);
            String key = request.apiKey().trim();
            if (key.chars().anyMatch(Character::isWhitespace)) {
                throw ApiException.invalid("api_key", ViolationCode.CONTAINS_WHITESPACE, "must not contain spaces or line breaks");
            }
            setting.apiKeyEncrypted = cipher.encrypt(key, KEY_PURPOSE);
            setting.apiKeyHint = ApiKeyHint.of(key);
        }
        if (provider == Provider.SANDBOX) {
            setting.apiKeyEncrypted = null;
            setting.apiKeyHint = null;
        }
        if (provider.requiresApiKey() && setting.apiKeyEncrypted == null) {
            throw requiredFor("api_key", provider);
        }
        setting.modelName = request.modelName().trim();
        setting.maxTokens = request.maxTokens();
        setting.temperature = request.temperature().setScale(2, RoundingMode.HALF_UP);
        setting.hourlyLimit = request.hourlyLimit();
        setting.dailyLimit = request.dailyLimit();
        setting.monthlyLimit = request.monthlyLimit();
        setting.isActive = request.isActive() == null || request.isActive();
        setting.updatedAt = OffsetDateTime.now(clock);
    }

    private static String baseUrl(Provider provider, String requested) {
        if (provider == Provider.SANDBOX) {
            return provider.defaultBaseUrl().orElseThrow();
        }
        if (!hasText(requested)) {
            return provider.defaultBaseUrl().orElseThrow(() ->
                    requiredFor("base_url", provider));
        }
        String url = requested.trim();
        try {
            URI uri = new URI(url);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw notAnHttpUrl();
            }
            if (uri.getUserInfo() != null || uri.getQuery() != null) {
                throw ApiException.invalid("base_url", ViolationCode.URL_NOT_PLAIN,
                        "must not contain credentials or a query string");
            }
            if (ProviderDestination.forbiddenHost(uri.getHost())) {
                throw ApiException.invalid("base_url", ViolationCode.URL_NOT_ALLOWED,
                        "must not point at a link-local or cloud metadata address");
            }
        } catch (URISyntaxException e) {
            throw notAnHttpUrl();
        }
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static ApiException requiredFor(String field, Provider provider) {
        return ApiException.invalid(field, ViolationCode.REQUIRED_FOR_PROVIDER,
                Map.of("provider", provider.wireName()), "is required for provider " + provider.wireName());
    }

    private static ApiException notAnHttpUrl() {
        return ApiException.invalid("base_url", ViolationCode.INVALID_URL,
                "must be an http(s) URL such as http://vllm:8000/v1");
    }

    private static boolean hasText(String s) {
        return s != null && !s.isBlank();
    }
}
