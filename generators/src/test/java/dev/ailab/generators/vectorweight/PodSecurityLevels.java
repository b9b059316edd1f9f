package dev.ailab.generators.vectorweight;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The Pod Security Standards' checks of one pod spec (kubernetes.io/docs/concepts/security/
 * pod-security-standards, the fields the admission controller looks at), for the baseline and
 * restricted levels; privileged allows everything.
 */
final class PodSecurityLevels {
    private static final Set<String> BASELINE_CAPABILITIES = Set.of("AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER",
            "FSETID", "KILL", "MKNOD", "NET_BIND_SERVICE", "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT");
    private static final Set<String> RESTRICTED_VOLUMES = Set.of("configMap", "csi", "downwardAPI", "emptyDir", "ephemeral",
            "persistentVolumeClaim", "projected", "secret", "name");

    private PodSecurityLevels() {
    }

    /** The violations of {@code level} by pod spec {@code spec}, worded with the container's name; empty when it passes. */
    static List<String> violations(String level, JsonNode spec) {
        List<String> out = new ArrayList<>();
        if (level.equals("privileged")) {
            return out;
        }
        List<JsonNode> containers = new ArrayList<>();
        for (String kind : List.of("initContainers", "containers", "ephemeralContainers")) {
            spec.path(kind).forEach(containers::add);
        }
        for (String host : List.of("hostNetwork", "hostPID", "hostIPC")) {
            if (spec.path(host).asBoolean(false)) {
                out.add(host + " is true");
            }
        }
        JsonNode podContext = spec.path("securityContext");
        if ("Unconfined".equals(podContext.path("seccompProfile").path("type").asText())) {
            out.add("pod seccompProfile Unconfined");
        }
        for (JsonNode v : spec.path("volumes")) {
            if (v.has("hostPath")) {
                out.add("volume " + v.path("name").asText() + " is a hostPath");
            }
        }
        for (JsonNode c : containers) {
            String name = "container " + c.path("name").asText();
            JsonNode sc = c.path("securityContext");
            if (sc.path("privileged").asBoolean(false)) {
                out.add(name + " is privileged");
            }
            for (JsonNode cap : sc.path("capabilities").path("add")) {
                if (!BASELINE_CAPABILITIES.contains(cap.asText())) {
                    out.add(name + " adds capability " + cap.asText());
                }
            }
            for (JsonNode port : c.path("ports")) {
                if (port.path("hostPort").asInt(0) != 0) {
                    out.add(name + " uses a hostPort");
                }
            }
            if ("Unconfined".equals(sc.path("seccompProfile").path("type").asText())) {
                out.add(name + " seccompProfile Unconfined");
            }
            if (!sc.path("procMount").asText("Default").equals("Default")) {
                out.add(name + " procMount " + sc.path("procMount").asText());
            }
        }
        if (level.equals("baseline")) {
            return out;
        }
        for (JsonNode v : spec.path("volumes")) {
            v.fieldNames().forEachRemaining(f -> {
                if (!RESTRICTED_VOLUMES.contains(f)) {
                    out.add("volume " + v.path("name").asText() + " is of type " + f);
                }
            });
        }
        boolean podNonRoot = podContext.path("runAsNonRoot").asBoolean(false);
        String podSeccomp = podContext.path("seccompProfile").path("type").asText("");
        if (podContext.path("runAsUser").asInt(-1) == 0) {
            out.add("pod runAsUser 0");
        }
        for (JsonNode c : containers) {
            String name = "container " + c.path("name").asText();
            JsonNode sc = c.path("securityContext");
            if (!sc.path("allowPrivilegeEscalation").isBoolean() || sc.path("allowPrivilegeEscalation").asBoolean()) {
                out.add(name + " does not set allowPrivilegeEscalation: false");
            }
            boolean nonRoot = sc.has("runAsNonRoot") ? sc.path("runAsNonRoot").asBoolean() : podNonRoot;
            if (!nonRoot) {
                out.add(name + " does not run as non-root (runAsNonRoot)");
            }
            if (sc.path("runAsUser").asInt(-1) == 0) {
                out.add(name + " runAsUser 0");
            }
            String seccomp = sc.path("seccompProfile").path("type").asText(podSeccomp);
            if (!seccomp.equals("RuntimeDefault") && !seccomp.equals("Localhost")) {
                out.add(name + " has no RuntimeDefault or Localhost seccompProfile");
            }
            boolean dropsAll = false;
            for (JsonNode d : sc.path("capabilities").path("drop")) {
                dropsAll |= d.asText().equals("ALL");
            }
            if (!dropsAll) {
                out.add(name + " does not drop ALL capabilities");
            }
            for (JsonNode cap : sc.path("capabilities").path("add")) {
                if (!cap.asText().equals("NET_BIND_SERVICE")) {
                    out.add(name + " adds capability " + cap.asText());
                }
            }
        }
        return out;
    }

    /** The pod spec of a workload object, or null when {@code doc} makes no pods. */
    static JsonNode podSpec(JsonNode doc) {
        return switch (doc.path("kind").asText()) {
            case "Pod" -> doc.path("spec");
            case "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job" -> doc.path("spec").path("template").path("spec");
            case "CronJob" -> doc.path("spec").path("jobTemplate").path("spec").path("template").path("spec");
            default -> null;
        };
    }
}
