package io.labgate.apikeys;

import io.labgate.common.cache.ReadCache;
import io.labgate.audit.AdminChange;
import io.labgate.audit.ChangeBroadcast;
import io.labgate.common.error.ApiException;
import io.labgate.common.error.ErrorCode;
import io.labgate.members.MemberRepository;
import io.quarkus.virtual.threads.VirtualThreads;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;

/**
 * Member API keys: {@code lg-} + 32 random bytes (base64url). Shown once; stored as SHA-256 (keys are
 * high-entropy, so a fast hash is enough and lets every request be checked by one indexed lookup).
 */
@ApplicationScoped
public class ApiKeyService {

    static final String PREFIX = "lg-";
    private static final int MAX_KEYS = 20;
    private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Revocations and admin changes reach every replica at once (ChangeBroadcast); these only bound a miss. */
    private static final Duration REFRESH_AFTER = Duration.ofSeconds(30);
    private static final Duration EXPIRE_AFTER = Duration.ofMinutes(2);

    private final MemberApiKeyRepository repository;
    private final MemberRepository members;
    private final Clock clock;
    private final ChangeBroadcast broadcast;
    /** Live keys by hash, so a notebook's burst of calls costs one lookup (and its last use is noted there). */
    private final ReadCache<String, VerifiedKey> verified;

    private record VerifiedKey(long keyId, long memberId) {
    }

    ApiKeyService(MemberApiKeyRepository repository, MemberRepository members, Clock clock,
                  ChangeBroadcast broadcast, @VirtualThreads ExecutorService virtualThreads) {
        this.verified = ReadCache.ofDatabase(REFRESH_AFTER, EXPIRE_AFTER, 100_000, virtualThreads, this::live);
        this.broadcast = broadcast;
        this.repository = repository;
        this.members = members;
        this.clock = clock;
    }

    @Transactional
    public List<ApiKeyViews.KeyView> list(long memberId) {
        return repository.ofMember(memberId).stream().map(ApiKeyViews.KeyView::of).toList();
    }

    @Transactional
    public ApiKeyViews.CreatedKey create(long memberId, String name) {
        if (repository.countActive(memberId) >= MAX_KEYS) {
            throw ApiException.conflict(ErrorCode.TOO_MANY_KEYS, "At most " + MAX_KEYS + " keys; revoke one first",
                    Map.of("max", MAX_KEYS));
        }
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String key = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        MemberApiKey entity = new MemberApiKey();
        entity.member = members.findById(memberId);
        entity.name = name.trim();
        entity.prefix = key.substring(0, 10);
        entity.keyHash = hash(key);
        entity.createdAt = OffsetDateTime.now(clock);
        repository.persist(entity);
        return new ApiKeyViews.CreatedKey(entity.id, entity.name, entity.prefix, key, entity.createdAt);
    }

    @Transactional
    public void revoke(long memberId, long keyId) {
        MemberApiKey key = repository.findByIdOptional(keyId)
                .filter(k -> k.member.id == memberId && k.revokedAt == null)
                .orElseThrow(() -> ApiException.notFound("api_key", keyId));
        key.revokedAt = OffsetDateTime.now(clock);
        // Refused on this replica at once; every other replica hears of it when this transaction commits.
        verified.forgetIf(v -> v.keyId() == keyId);
        broadcast.publish("api_key.revoke", "member_api_key", keyId);
    }

    /** A member deactivated (or any admin change) must not keep working through a cached key. */
    void onAdminChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) AdminChange change) {
        verified.clear();
    }

    /** The member a presented key belongs to, if it is a live key of an active member. */
    public Optional<Long> authenticate(String presented) {
        if (presented == null || !presented.startsWith(PREFIX) || presented.length() > 100) {
            return Optional.empty();
        }
        return Optional.ofNullable(verified.get(hash(presented))).map(VerifiedKey::memberId);
    }

    /** The live key with this hash, of an active member, noting its use (to the minute); null if there is none. */
    private VerifiedKey live(String hash) {
        return repository.activeByHash(hash)
                .filter(k -> k.member.isActive)
                .map(k -> {
                    OffsetDateTime now = OffsetDateTime.now(clock);
                    if (k.lastUsedAt == null || k.lastUsedAt.isBefore(now.minus(LAST_USED_RESOLUTION))) {
                        k.lastUsedAt = now;
                    }
                    return new VerifiedKey(k.id, k.member.id);
                })
                .orElse(null);
    }

    static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
