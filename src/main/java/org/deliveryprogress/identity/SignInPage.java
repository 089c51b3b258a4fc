package org.deliveryprogress.identity;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class SignInPage {

    /**
     * The page says above its form why it is shown (a wrong password, a session ended, signed out); the user id box,
     * which takes the focus as the page opens, is described by it, so that a screen reader reads it with the box
     * rather than only "User id, edit" (the template may not read the address's parameters into an attribute).
     */
    @GetMapping("/login")
    String signIn(@RequestParam(required = false) String error, @RequestParam(required = false) String sessionEnded,
            @RequestParam(required = false) String signedOut, Model model) {
        model.addAttribute("describedBy", error != null ? "sign-in-refused"
                : sessionEnded != null ? "session-ended" : signedOut != null ? "signed-out" : null);
        return "login";
    }
}
