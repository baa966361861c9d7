package org.guanxi.service;

import java.net.URI;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.guanxi.core.GuanxiHome;
import org.guanxi.core.service.SurveyLinks;
import org.guanxi.http.HttpHost;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The address of a survey link: {@code survey.url} when IT set the address customers reach (the team server behind the
 * company's web proxy: {@code -Dguanxi.survey.url} or the deployment's {@code guanxi.properties}), else where this
 * process's HTTP host serves the {@link SurveyForm}.
 */
@Component
public class SurveyLinkAddress implements SurveyLinks {

    private static final Logger LOG = Logger.getLogger(SurveyLinkAddress.class.getName());

    private final HttpHost host;
    /** The address IT set, read once: an invitation of a whole segment asks for thousands of links. */
    private final Optional<String> configured;

    @Activate
    public SurveyLinkAddress(@Reference HttpHost host) {
        this.host = host;
        this.configured = configured();
    }

    /**
     * Whether customers can open the links: IT set the address they reach, or this process serves the form on an
     * address other machines reach (a host on 127.0.0.1 serves only this desktop, so the screens warn).
     */
    @Override
    public boolean served() {
        return configured.isPresent() || host.address().filter(a -> !loopback(a.getHost())).isPresent();
    }

    @Override
    public String url(String token) {
        String root = configured.orElseGet(() -> host.address().map(URI::toString)
                // not served: the link says where it would be, and the screens warn before anyone invites
                .orElse("http://127.0.0.1"));
        return (root.endsWith("/") ? root.substring(0, root.length() - 1) : root) + "/survey/" + token;
    }

    private static boolean loopback(String host) {
        String h = host.replace("[", "").replace("]", "");
        return h.equals("localhost") || h.startsWith("127.") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1");
    }

    private static Optional<String> configured() {
        try {
            String url = GuanxiHome.deploymentValue(GuanxiHome.deployment(), "survey.url", null);
            return url == null || url.isBlank() ? Optional.empty() : Optional.of(url.strip());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "guanxi.survey.url cannot be read from the deployment settings", e);
            return Optional.empty();
        }
    }
}
