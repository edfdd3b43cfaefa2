package io.labgate.auth;

import io.labgate.common.error.ApiException;
import io.labgate.common.error.ErrorCode;
import io.labgate.members.Member;
import io.labgate.members.MemberRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;

/**
 * Both platform doors end in a normal LabGate session: token exchange answers it at once; the OIDC callback hands
 * the browser a one-time code that the SPA redeems for it.
 */
@ApplicationScoped
public class PlatformSignInService {

    private final PlatformTokenVerifier verifier;
    private final PlatformClaims claims;
    private final PlatformAccounts accounts;
    private final SignInHandoffs handoffs;
    private final MemberRepository members;
    private final TokenIssuer tokens;
    private final PlatformSignInConfig config;

    PlatformSignInService(PlatformTokenVerifier verifier, PlatformClaims claims, PlatformAccounts accounts,
                          SignInHandoffs handoffs, MemberRepository members, TokenIssuer tokens,
                          PlatformSignInConfig config) {
        this.verifier = verifier;
        this.claims = claims;
        this.accounts = accounts;
        this.handoffs = handoffs;
        this.members = members;
        this.tokens = tokens;
        this.config = config;
    }

    public AuthOptions options() {
        return new AuthOptions(config.oidc().enabled(), config.researcherPasswordLogin());
    }

    public boolean oidcEnabled() {
        return config.oidc().enabled();
    }

    public LoginResponse exchange(String platformToken) {
        Member member = accounts.signIn(claims.read(verifier.verify(platformToken)), "exchange");
        return tokens.session(member);
    }

    /** After the OIDC callback verified the ID token: the member it signs in as, and a one-time code for the SPA. */
    public String handOff(Map<String, Object> idTokenClaims) {
        Member member = accounts.signIn(claims.read(idTokenClaims), "oidc");
        return handoffs.issue(member.id);
    }

    public LoginResponse redeem(String code) {
        long memberId = handoffs.redeem(code).orElseThrow(() -> new ApiException(401, ErrorCode.SIGN_IN_EXPIRED,
                "The sign-in has expired or was already used; sign in again"));
        Member member = QuarkusTransaction.requiringNew().call(() -> members.findByIdOptional(memberId))
                .filter(m -> m.isActive)
                .orElseThrow(() -> new ApiException(403, ErrorCode.ACCOUNT_INACTIVE,
                        "This account has been deactivated by the admin"));
        return tokens.session(member);
    }
}
