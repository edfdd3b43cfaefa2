package io.labgate.support;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.AgroalConnectionPoolConfiguration.ConnectionValidator;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The test database reached through a {@link TcpProxy}: a connection pool of its own whose connections all go
 * through the proxy, so a test can take the database away and give it back. Quarkus's default validator
 * ({@code isValid}) and, unlike the application's pool, no exception sorter, so a broken connection stays in
 * the pool until something validates it — the harder case for a writer.
 */
public final class ProxiedDatabase implements AutoCloseable {

    private static final Pattern URL = Pattern.compile("^jdbc:postgresql://([^/:?]+):(\\d+)/([^?]*)(\\?.*)?$");

    private final TcpProxy proxy;
    private final AgroalDataSource dataSource;

    public ProxiedDatabase(int maxConnections) throws IOException, SQLException {
        Config config = ConfigProvider.getConfig();
        String url = config.getValue("quarkus.datasource.jdbc.url", String.class);
        Matcher m = URL.matcher(url);
        if (!m.matches()) {
            throw new IllegalStateException("Unexpected JDBC URL " + url);
        }
        String user = config.getOptionalValue("quarkus.datasource.username", String.class).orElse("postgres");
        String password = config.getOptionalValue("quarkus.datasource.password", String.class).orElse("");
        proxy = new TcpProxy(m.group(1), Integer.parseInt(m.group(2)));
        String query = m.group(4) == null ? "?" : m.group(4) + "&";
        String proxied = "jdbc:postgresql://" + proxy.host() + ":" + proxy.port() + "/" + m.group(3) + query
                + "connectTimeout=2&socketTimeout=30";
        try {
            dataSource = AgroalDataSource.from(new AgroalDataSourceConfigurationSupplier()
                    .connectionPoolConfiguration(pool -> pool
                            .minSize(0)
                            .maxSize(maxConnections)
                            .acquisitionTimeout(Duration.ofSeconds(2))
                            .connectionValidator(ConnectionValidator.defaultValidator())
                            .connectionFactoryConfiguration(factory -> factory
                                    .jdbcUrl(proxied)
                                    .connectionProviderClass(org.postgresql.Driver.class)
                                    .principal(new NamePrincipal(user))
                                    .credential(new SimplePassword(password)))));
        } catch (SQLException | RuntimeException e) {
            proxy.close();
            throw e;
        }
    }

    public TcpProxy proxy() {
        return proxy;
    }

    public AgroalDataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() throws IOException {
        try {
            dataSource.close();
        } finally {
            proxy.close();
        }
    }
}
