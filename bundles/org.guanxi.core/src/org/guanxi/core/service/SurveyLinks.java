package org.guanxi.core.service;

/**
 * Where customers answer survey invitations: the public address of a link's form. The form is served by the survey
 * local HTTP host of whichever Guanxi process is configured to ({@code -Dguanxi.http.port}), usually the team server
 * behind the company's web proxy ({@code -Dguanxi.survey.url} is the address customers see).
 */
public interface SurveyLinks {

    /** The link a customer opens for this token. */
    String url(String token);

    /** Whether anyone answers those links: this process serves them, or an address of a server was configured. */
    default boolean served() {
        return true;
    }
}
