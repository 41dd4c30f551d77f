package fr.preau.agenda;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class EventLinksTest {
    @Test
    void webAddressesOfTheLocationAndDescriptionOnceEachWithoutTheirFinalPunctuation() {
        assertEquals(List.of("https://visio.education.fr/meeting/signin/1234",
                "http://college.example/ordre-du-jour.pdf"),
                EventLinks.in("Visio : https://visio.education.fr/meeting/signin/1234.",
                        "Ordre du jour (http://college.example/ordre-du-jour.pdf), lien répété :"
                                + " https://visio.education.fr/meeting/signin/1234"));
    }

    @Test
    void otherSchemesAndBareWordsStayText() {
        assertEquals(List.of(), EventLinks.in("javascript:alert(1) data:text/html,x ftp://x.example https://",
                "salle 12 www.example.fr", null));
    }

    @Test
    void atMostTenLinks() {
        assertEquals(EventLinks.MAX, EventLinks.in("https://a.example/1 ".repeat(1) + "https://a.example/2 "
                + "https://a.example/3 https://a.example/4 https://a.example/5 https://a.example/6 https://a.example/7"
                + " https://a.example/8 https://a.example/9 https://a.example/10 https://a.example/11").size());
    }
}
