package io.labgate.support;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.List;

/** LabGate connected to a host platform ({@link PlatformResource}): OIDC and token exchange on, researchers' passwords off. */
public class PlatformSignInProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(PlatformResource.class));
    }
}
