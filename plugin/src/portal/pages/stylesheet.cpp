#include "portal/pages/stylesheet.hpp"

namespace es::portal::pages {

const std::string& stylesheet() {
    static const std::string kCss = R"css(*{box-sizing:border-box}
html{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;font-size:100%;line-height:1.5;color:#1b1b1b;background:#f6f6f4}
body{margin:0 auto;max-width:48rem;padding:1rem}
header{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;align-items:baseline;border-bottom:1px solid #ccc;margin-bottom:1rem}
header p{margin:.25rem 0}
header form.lang{margin-left:auto}
h1{font-size:1.5rem;margin:.5rem 0 1rem}
h2{font-size:1.2rem;margin:1.5rem 0 .5rem}
main{background:#fff;border:1px solid #ddd;border-radius:.5rem;padding:1rem 1.25rem}
label{display:block;font-weight:600;margin:.5rem 0 .25rem}
input[type=password],input[name=code]{width:100%;max-width:20rem;font-size:1.1rem;padding:.5rem;border:1px solid #888;border-radius:.25rem}
button,a.button{display:inline-block;font:inherit;margin:.75rem .5rem .25rem 0;padding:.5rem 1rem;border:1px solid #1d4f91;border-radius:.25rem;background:#1d4f91;color:#fff;text-decoration:none;cursor:pointer}
button.secondary,a.button.secondary{background:#fff;color:#1d4f91}
a.button.primary{font-weight:600;padding:.6rem 1.25rem}
.actions{display:flex;flex-wrap:wrap;align-items:center;gap:0 .5rem;margin:0 0 .5rem}
header form.lang button{margin:0;padding:.15rem .5rem;background:none;color:#1d4f91;border:1px solid transparent;font-size:.9rem;text-decoration:underline}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
form.hide{display:inline}
form.hide button{margin:0 0 0 .5rem;padding:.1rem .5rem;font-size:.875rem}
a{color:#1d4f91}
:focus-visible{outline:3px solid #e08a00;outline-offset:2px}
.error{color:#8b0000;font-weight:600}
.preview{background:#fff3cd;border:1px solid #e0b000;padding:.5rem 1rem;border-radius:.25rem}
.files{list-style:none;padding:0}
.files li{display:flex;flex-wrap:wrap;align-items:baseline;gap:0 .5rem;padding:.4rem 0;border-bottom:1px solid #eee;overflow-wrap:anywhere}
.files .file{flex:1 1 12rem;min-width:0}
.files a.view{margin-left:.5rem}
.files a,.actions a:not(.button){display:inline-block;padding:.2rem 0}
.file-icon{width:1.5rem;height:1.5rem;flex:none;align-self:center;color:#555}
.file-icon-pdf{color:#a4262c}.file-icon-image{color:#1d6b3a}.file-icon-spreadsheet{color:#1d6b3a}.file-icon-document{color:#1d4f91}.file-icon-archive{color:#7a5a00}
.size,.meta,.hint{color:#555;font-size:.9rem}
dl{display:grid;grid-template-columns:minmax(8rem,1fr) 3fr;gap:.25rem 1rem}
dt{font-weight:600}dd{margin:0;overflow-wrap:anywhere}
article{border-top:1px solid #eee;padding:.5rem 0;overflow-wrap:anywhere}
@media (max-width:36rem){body{padding:.5rem}dl{grid-template-columns:1fr}dd{margin-bottom:.5rem}main{padding:.75rem}}
@media print{html{background:#fff;color:#000}body{max-width:none;padding:0}header{border-color:#000}main{border:0;padding:0}form,button,a.button,.actions,.screen-only,.files a.view,.preview{display:none}a{color:#000;text-decoration:none}article,dd,dt{break-inside:avoid}h2{break-after:avoid}}
@page{margin:2cm}
)css";
    return kCss;
}

}  // namespace es::portal::pages
