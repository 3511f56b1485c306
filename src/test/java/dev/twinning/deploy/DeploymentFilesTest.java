package dev.twinning.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The files in docker/ agree with the application (its HTTP port and health paths) and with each other, and
 * use only the environment variables the README documents. Plain file checks: no container engine needed.
 */
class DeploymentFilesTest {

    private static final Path DOCKER = Path.of("docker");
    private static final Path K8S = DOCKER.resolve("k8s");
    private static final Path COMPOSE = DOCKER.resolve("compose.yaml");
    private static final Path COMPOSE_REPLICAS = DOCKER.resolve("compose.replicas.yaml");
    private static final Path SECRET_EXAMPLE = K8S.resolve("secret.example.yaml");
    private static final String LIVE = "/q/health/live";
    private static final String READY = "/q/health/ready";
    /** Quarkus's default, used when application.properties does not set quarkus.http.port. */
    private static final int QUARKUS_DEFAULT_PORT = 8080;

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void kubernetesProbesUseTheApplicationsHealthPathsOnItsPort() {
        JsonNode container = appContainer();
        assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo(LIVE);
        assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo(READY);
        if (container.has("startupProbe")) {
            assertThat(container.at("/startupProbe/httpGet/path").asText()).isIn(LIVE, READY);
        }
        for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
            if (container.has(probe)) {
                assertThat(containerPort(container, container.get(probe).at("/httpGet/port"))).as(probe)
                        .isEqualTo(applicationPort());
            }
        }
    }

    @Test
    void imageManifestsAndComposeFilesAllUseTheApplicationsPort() {
        int port = applicationPort();
        JsonNode container = appContainer();
        assertThat(containerPort(container, JSON.valueToTree("http"))).isEqualTo(port);
        assertThat(containerPort(container, manifest("Service", "twinning").at("/spec/ports/0/targetPort")))
                .isEqualTo(port);

        assertThat(dockerfile("EXPOSE")).containsExactly(String.valueOf(port));
        Matcher check = Pattern.compile("http://localhost:(?:\\$\\{QUARKUS_HTTP_PORT:-(\\d+)}|(\\d+))(/[^\"\\s]*)")
                .matcher(String.join(" ", dockerfile("HEALTHCHECK")));
        assertThat(check.find()).as("HEALTHCHECK calls http://localhost:<port>/...").isTrue();
        assertThat(Integer.parseInt(check.group(1) != null ? check.group(1) : check.group(2))).isEqualTo(port);
        assertThat(check.group(3)).isEqualTo(READY);

        assertThat(containerPorts(compose(COMPOSE).at("/services/api"))).containsExactly(port);

        String nginx = read(DOCKER.resolve("nginx.conf"));
        Matcher upstream = Pattern.compile("server\\s+([\\w.-]+):(\\d+);").matcher(nginx);
        Set<String> upstreams = new TreeSet<>();
        while (upstream.find()) {
            upstreams.add(upstream.group(1));
            assertThat(Integer.parseInt(upstream.group(2))).as("nginx upstream %s", upstream.group(1)).isEqualTo(port);
        }
        assertThat(upstreams).isEqualTo(apiServices(compose(COMPOSE_REPLICAS))).hasSizeGreaterThanOrEqualTo(2);
        Matcher listen = Pattern.compile("listen\\s+(\\d+);").matcher(nginx);
        assertThat(listen.find()).isTrue();
        assertThat(containerPorts(compose(COMPOSE_REPLICAS).at("/services/nginx")))
                .containsExactly(Integer.parseInt(listen.group(1)));
    }

    @Test
    void everyEnvironmentVariableOfTheDeploymentFilesIsDocumentedInTheReadme() {
        Set<String> documented = readmeVariables();
        assertThat(documented).as("variables parsed from the README's configuration table")
                .contains("QUARKUS_DATASOURCE_JDBC_URL");

        Map<String, Set<String>> used = new TreeMap<>();
        for (Path file : List.of(COMPOSE, COMPOSE_REPLICAS)) {
            compose(file).get("services").properties().forEach(service -> {
                boolean postgres = service.getValue().path("image").asText().startsWith("postgres");
                for (String name : environmentNames(service.getValue().path("environment"))) {
                    if (!(postgres && name.startsWith("POSTGRES_"))) {
                        used.computeIfAbsent(name, n -> new TreeSet<>()).add(file + " " + service.getKey());
                    }
                }
            });
        }
        for (JsonNode manifest : k8sManifests()) {
            String where = manifest.path("kind").asText() + " " + manifest.at("/metadata/name").asText();
            List<String> names = new ArrayList<>();
            manifest.path("data").fieldNames().forEachRemaining(names::add);
            manifest.path("stringData").fieldNames().forEachRemaining(names::add);
            for (JsonNode container : manifest.at("/spec/template/spec/containers")) {
                container.path("env").forEach(variable -> names.add(variable.path("name").asText()));
            }
            names.forEach(name -> used.computeIfAbsent(name, n -> new TreeSet<>()).add(where));
        }
        assertThat(used).as("variables used by the deployment files").containsKeys("QUARKUS_DATASOURCE_JDBC_URL",
                "QUARKUS_DATASOURCE_PASSWORD", "TWINNING_ADMIN_PASSWORD");

        Map<String, Set<String>> undocumented = new TreeMap<>(used);
        undocumented.keySet().removeAll(documented);
        assertThat(undocumented).as("used in docker/ but missing from the README's configuration table").isEmpty();
    }

    @Test
    void deploymentTakesTheDatabaseFromTheConfigMapAndItsCredentialsFromSecrets() {
        Map<String, Set<String>> keysByRef = new TreeMap<>();
        for (JsonNode source : appContainer().path("envFrom")) {
            String kind = source.has("configMapRef") ? "ConfigMap" : "Secret";
            String name = source.path(kind.equals("ConfigMap") ? "configMapRef" : "secretRef").path("name").asText();
            JsonNode target = manifest(kind, name);
            Set<String> keys = new TreeSet<>();
            target.path(kind.equals("ConfigMap") ? "data" : "stringData").fieldNames().forEachRemaining(keys::add);
            keysByRef.put(kind + "/" + name, keys);
        }
        assertThat(keysByRef.get("ConfigMap/twinning-config")).contains("QUARKUS_DATASOURCE_JDBC_URL");
        assertThat(keysByRef.get("Secret/twinning-db")).containsExactlyInAnyOrder("QUARKUS_DATASOURCE_USERNAME",
                "QUARKUS_DATASOURCE_PASSWORD");
        assertThat(keysByRef.get("Secret/twinning-admin")).containsExactlyInAnyOrder("TWINNING_ADMIN_USERNAME",
                "TWINNING_ADMIN_PASSWORD");
    }

    @Test
    void kustomizationAppliesEveryManifestButTheSecretExample() throws IOException {
        JsonNode kustomization = yaml(K8S.resolve("kustomization.yaml")).get(0);
        Set<String> resources = new TreeSet<>();
        kustomization.path("resources").forEach(r -> resources.add(r.asText()));
        Set<String> manifests = new TreeSet<>();
        try (Stream<Path> files = Files.list(K8S)) {
            files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".yaml"))
                    .filter(f -> !f.equals("kustomization.yaml") && !f.equals(SECRET_EXAMPLE.getFileName().toString()))
                    .forEach(manifests::add);
        }
        assertThat(resources).isEqualTo(manifests).isNotEmpty();
        assertThat(manifest("Deployment", "twinning").at("/spec/replicas").asInt()).isEqualTo(2);
        Map<String, Object> podLabels = map(manifest("Deployment", "twinning").at("/spec/template/metadata/labels"));
        assertThat(podLabels).containsAllEntriesOf(map(manifest("Service", "twinning").at("/spec/selector")))
                .containsAllEntriesOf(map(manifest("PodDisruptionBudget", "twinning").at("/spec/selector/matchLabels")));
        assertThat(map(manifest("Service", "twinning").at("/spec/selector"))).isNotEmpty();
    }

    @Test
    void replicasTrustForwardedAddressesOnlyFromTheirNginx() {
        JsonNode replicas = compose(COMPOSE_REPLICAS);
        String nginxAddress = replicas.at("/services/nginx/networks/backend/ipv4_address").asText();
        assertThat(nginxAddress).isNotBlank();
        for (String api : apiServices(replicas)) {
            JsonNode environment = replicas.at("/services/" + api + "/environment");
            assertThat(environment.path("QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING").asText()).isEqualTo("true");
            assertThat(environment.path("QUARKUS_HTTP_PROXY_ALLOW_X_FORWARDED").asText()).isEqualTo("true");
            assertThat(environment.path("QUARKUS_HTTP_PROXY_TRUSTED_PROXIES").asText()).as(api).isEqualTo(nginxAddress);
        }
        assertThat(read(DOCKER.resolve("nginx.conf"))).contains("proxy_set_header X-Forwarded-For $remote_addr;");
    }

    @Test
    void imageBuildsWithTheReadmesCommandAndRunsTheFastJarAsANonRootUser() throws IOException {
        assertThat(dockerfile("RUN")).anyMatch(run -> run.endsWith("./mvnw -B -ntp package -DskipTests"));
        List<String> entrypoint = new ArrayList<>();
        JSON.readTree(String.join(" ", dockerfile("ENTRYPOINT"))).forEach(arg -> entrypoint.add(arg.asText()));
        assertThat(entrypoint).startsWith("java").endsWith("-jar", "/app/quarkus-run.jar")
                .contains("-Dquarkus.http.host=0.0.0.0");
        // Numeric, so that Kubernetes can verify runAsNonRoot against the image.
        assertThat(dockerfile("USER")).singleElement().asString().matches("[1-9][0-9]*(:[0-9]+)?");
        String uid = dockerfile("USER").get(0).split(":")[0];
        JsonNode pod = manifest("Deployment", "twinning").at("/spec/template/spec/securityContext");
        assertThat(pod.path("runAsNonRoot").asBoolean()).isTrue();
        assertThat(pod.path("runAsUser").asText()).isEqualTo(uid);
        assertThat(appContainer().at("/securityContext/readOnlyRootFilesystem").asBoolean()).isTrue();
    }

    /** The port the packaged application listens on. */
    private static int applicationPort() {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of("src/main/resources/application.properties"))) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String port = properties.getProperty("%prod.quarkus.http.port", properties.getProperty("quarkus.http.port"));
        return port == null ? QUARKUS_DEFAULT_PORT : Integer.parseInt(port.trim());
    }

    /** The backticked names in the first column of the README's configuration table. */
    private static Set<String> readmeVariables() {
        String readme = read(Path.of("README.md"));
        int start = readme.indexOf("\n## Configuration");
        assertThat(start).as("README has a Configuration section").isNotNegative();
        int end = readme.indexOf("\n## ", start + 1);
        Set<String> names = new TreeSet<>();
        for (String line : readme.substring(start, end < 0 ? readme.length() : end).split("\n")) {
            if (line.startsWith("| `")) {
                Matcher name = Pattern.compile("`([A-Z][A-Z0-9_]*)`").matcher(line.split("\\|")[1]);
                while (name.find()) {
                    names.add(name.group(1));
                }
            }
        }
        return names;
    }

    private static Map<String, Object> map(JsonNode node) {
        Map<String, Object> map = new TreeMap<>();
        node.properties().forEach(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }

    private static List<String> environmentNames(JsonNode environment) {
        List<String> names = new ArrayList<>();
        if (environment.isObject()) {
            environment.fieldNames().forEachRemaining(names::add);
        } else {
            environment.forEach(entry -> names.add(entry.asText().split("=", 2)[0]));
        }
        return names;
    }

    /** The compose services built from docker/Dockerfile. */
    private static Set<String> apiServices(JsonNode compose) {
        Set<String> services = new TreeSet<>();
        compose.get("services").properties().forEach(service -> {
            if (service.getValue().at("/build/dockerfile").asText().equals("docker/Dockerfile")) {
                services.add(service.getKey());
            }
        });
        return services;
    }

    /** The container side of a compose service's published ports. */
    private static List<Integer> containerPorts(JsonNode service) {
        List<Integer> ports = new ArrayList<>();
        service.path("ports").forEach(port -> {
            String spec = port.isObject() ? port.path("target").asText() : port.asText();
            ports.add(Integer.parseInt(spec.substring(spec.lastIndexOf(':') + 1).replaceAll("/.*", "")));
        });
        return ports;
    }

    /** A port given by number or by the name of one of the container's ports. */
    private static int containerPort(JsonNode container, JsonNode port) {
        if (port.isInt()) {
            return port.asInt();
        }
        for (JsonNode declared : container.path("ports")) {
            if (declared.path("name").asText().equals(port.asText())) {
                return declared.path("containerPort").asInt();
            }
        }
        throw new AssertionError("container " + container.path("name") + " has no port named " + port);
    }

    private static JsonNode appContainer() {
        JsonNode containers = manifest("Deployment", "twinning").at("/spec/template/spec/containers");
        assertThat(containers).hasSize(1);
        return containers.get(0);
    }

    private static JsonNode manifest(String kind, String name) {
        return k8sManifests().stream()
                .filter(m -> m.path("kind").asText().equals(kind) && m.at("/metadata/name").asText().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in " + K8S));
    }

    /** Every document of every YAML file in docker/k8s but the kustomization. */
    private static List<JsonNode> k8sManifests() {
        try (Stream<Path> files = Files.list(K8S)) {
            List<JsonNode> manifests = new ArrayList<>();
            files.filter(f -> f.toString().endsWith(".yaml") && !f.endsWith("kustomization.yaml")).sorted()
                    .forEach(f -> manifests.addAll(yaml(f)));
            return manifests;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode compose(Path file) {
        List<JsonNode> documents = yaml(file);
        assertThat(documents).as(file.toString()).hasSize(1);
        return documents.get(0);
    }

    /** All documents of a YAML file, anchors and aliases resolved. */
    private static List<JsonNode> yaml(Path file) {
        List<JsonNode> documents = new ArrayList<>();
        for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(read(file))) {
            if (document != null) {
                documents.add(JSON.valueToTree(document));
            }
        }
        return documents;
    }

    /** The arguments of each Dockerfile instruction of this kind, continuation lines joined. */
    private static List<String> dockerfile(String instruction) {
        String joined = read(DOCKER.resolve("Dockerfile")).replaceAll("(?m)^\\s*#.*\\n", "").replace("\\\n", " ");
        List<String> arguments = new ArrayList<>();
        for (String line : joined.split("\n")) {
            String[] parts = line.trim().split("\\s+", 2);
            if (parts[0].equalsIgnoreCase(instruction)) {
                arguments.add(parts.length > 1 ? parts[1].trim().replaceAll("\\s+", " ") : "");
            }
        }
        return arguments;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
