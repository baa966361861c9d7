package org.guanxi.service;

import java.net.URI;
import java.util.Optional;

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

    private final HttpHost host;

    @Activate
    public SurveyLinkAddress(@Reference HttpHost host) {
        this.host = host;
    }

    @Override
    public boolean served() {
        return configured().isPresent() || host.address().isPresent();
    }

    @Override
    public String url(String token) {
        String root = configured().orElseGet(() -> host.address().map(URI::toString)
                // not served: the link says where it would be, and the screens warn before anyone invites
                .orElse("http://127.0.0.1"));
        return (root.endsWith("/") ? root.substring(0, root.length() - 1) : root) + "/survey/" + token;
    }

    private static Optional<String> configured() {
        String url = GuanxiHome.deploymentValue(GuanxiHome.deployment(), "survey.url", null);
        return url == null || url.isBlank() ? Optional.empty() : Optional.of(url.strip());
    }
}
