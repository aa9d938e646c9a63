<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW" sourcelanguage="zh_CN">
<context>
    <name>AnalysisRunner</name>
    <message>
        <source>正在更新搜索索引 {done}/{total}</source>
        <translation>正在更新搜尋索引 {done}/{total}</translation>
    </message>
    <message>
        <source>正在分析关键词 {done}/{total}</source>
        <translation>正在分析關鍵詞 {done}/{total}</translation>
    </message>
    <message numerus="yes">
        <source>已分析 %n 篇文章</source>
        <translation>
            <numerusform>已分析 %n 篇文章</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Annotating</name>
    <message>
        <source>W3C 批注 JSON (*.json)</source>
        <translation>W3C 批註 JSON (*.json)</translation>
    </message>
</context>
<context>
    <name>AnnotationBrowser</name>
    <message>
        <source>全部批注</source>
        <translation>全部批註</translation>
    </message>
    <message>
        <source>搜索摘录和批注</source>
        <translation>搜尋摘錄和批註</translation>
    </message>
    <message>
        <source>只看未能定位的</source>
        <translation>只看未能定位的</translation>
    </message>
    <message>
        <source>打开文章</source>
        <translation>開啟文章</translation>
    </message>
    <message>
        <source>全部颜色</source>
        <translation>全部顏色</translation>
    </message>
    <message>
        <source>{} 条</source>
        <translation>{} 條</translation>
    </message>
    <message>
        <source>全部文章</source>
        <translation>全部文章</translation>
    </message>
</context>
<context>
    <name>AnnotationDelegate</name>
    <message>
        <source>未能定位</source>
        <translation>未能定位</translation>
    </message>
</context>
<context>
    <name>AnnotationListModel</name>
    <message>
        <source>原文已改动，找不到这段文字了；引文保留在这里。</source>
        <translation>原文已改動，找不到這段文字了；引文保留在這裡。</translation>
    </message>
</context>
<context>
    <name>AnnotationPanel</name>
    <message>
        <source>选中文字后按 1–4 高亮，或右键选择颜色、添加批注。</source>
        <translation>選取文字後按 1–4 高亮，或右鍵選擇顏色、新增批註。</translation>
    </message>
    <message>
        <source>批注…</source>
        <translation>批註…</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>刪除</translation>
    </message>
    <message>
        <source>全部批注…</source>
        <translation>全部批註…</translation>
    </message>
    <message>
        <source>颜色含义…</source>
        <translation>顏色含義…</translation>
    </message>
    <message>
        <source>本文 {} 处高亮</source>
        <translation>本文 {} 處高亮</translation>
    </message>
    <message>
        <source>（{} 处未能定位）</source>
        <translation>（{} 處未能定位）</translation>
    </message>
    <message>
        <source>转到</source>
        <translation>轉到</translation>
    </message>
    <message>
        <source>编辑批注…</source>
        <translation>編輯批註…</translation>
    </message>
    <message>
        <source>改为</source>
        <translation>改為</translation>
    </message>
    <message>
        <source>复制链接</source>
        <translation>複製連結</translation>
    </message>
    <message>
        <source>删除高亮</source>
        <translation>刪除高亮</translation>
    </message>
</context>
<context>
    <name>AnnotationTableModel</name>
    <message>
        <source>颜色</source>
        <translation>顏色</translation>
    </message>
    <message>
        <source>摘录</source>
        <translation>摘錄</translation>
    </message>
    <message>
        <source>批注</source>
        <translation>批註</translation>
    </message>
    <message>
        <source>文章</source>
        <translation>文章</translation>
    </message>
    <message>
        <source>修改时间</source>
        <translation>修改時間</translation>
    </message>
</context>
<context>
    <name>AnnotationUI</name>
    <message>
        <source>批注</source>
        <translation>批註</translation>
    </message>
    <message>
        <source>撤销</source>
        <translation>復原</translation>
    </message>
    <message>
        <source>重做</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>添加批注(&amp;N)…</source>
        <translation>新增批註(&amp;N)…</translation>
    </message>
    <message>
        <source>删除高亮(&amp;D)</source>
        <translation>刪除高亮(&amp;D)</translation>
    </message>
    <message>
        <source>全部批注(&amp;B)…</source>
        <translation>全部批註(&amp;B)…</translation>
    </message>
    <message>
        <source>导出批注(&amp;X)…</source>
        <translation>匯出批註(&amp;X)…</translation>
    </message>
    <message>
        <source>导入批注(&amp;M)…</source>
        <translation>匯入批註(&amp;M)…</translation>
    </message>
    <message>
        <source>打开链接(&amp;L)…</source>
        <translation>開啟連結(&amp;L)…</translation>
    </message>
    <message>
        <source>编辑(&amp;E)</source>
        <translation>編輯(&amp;E)</translation>
    </message>
    <message>
        <source>批注面板</source>
        <translation>批註面板</translation>
    </message>
    <message>
        <source>高亮为「{}」</source>
        <translation>高亮為「{}」</translation>
    </message>
    <message>
        <source>高亮</source>
        <translation>高亮</translation>
    </message>
    <message>
        <source>编辑批注…</source>
        <translation>編輯批註…</translation>
    </message>
    <message>
        <source>改为</source>
        <translation>改為</translation>
    </message>
    <message>
        <source>复制链接</source>
        <translation>複製連結</translation>
    </message>
    <message>
        <source>删除高亮</source>
        <translation>刪除高亮</translation>
    </message>
    <message>
        <source>每种颜色代表什么由你决定；改名后菜单、批注面板和导出都用新名字。按 1–4 高亮。</source>
        <translation>每種顏色代表什麼由你決定；改名後選單、批註面板和匯出都用新名字。按 1–4 高亮。</translation>
    </message>
    <message>
        <source>编辑批注(&amp;N)…</source>
        <translation>編輯批註(&amp;N)…</translation>
    </message>
    <message>
        <source>先选中要高亮的文字</source>
        <translation>先選取要高亮的文字</translation>
    </message>
    <message>
        <source>先选中要批注的文字</source>
        <translation>先選取要批註的文字</translation>
    </message>
    <message>
        <source>只能标注正文里的文字，标题和图片说明不行</source>
        <translation>只能標註正文裡的文字，標題和圖片說明不行</translation>
    </message>
    <message>
        <source>原文里找不到这段文字了：「{}」</source>
        <translation>原文裡找不到這段文字了：「{}」</translation>
    </message>
    <message>
        <source>这篇文章不在当前列表里（也许被筛选或移到了废纸篓）</source>
        <translation>這篇文章不在目前清單裡（也許被篩選或移到了廢紙簍）</translation>
    </message>
    <message>
        <source>已复制链接 {}</source>
        <translation>已複製連結 {}</translation>
    </message>
    <message>
        <source>打开链接</source>
        <translation>開啟連結</translation>
    </message>
    <message>
        <source>阅报链接（reader://article/…）：</source>
        <translation>閱報連結（reader://article/…）：</translation>
    </message>
    <message>
        <source>这不是阅报的文章链接</source>
        <translation>這不是閱報的文章連結</translation>
    </message>
    <message>
        <source>文库里没有这篇文章（可能已删除）</source>
        <translation>文庫裡沒有這篇文章（可能已刪除）</translation>
    </message>
    <message>
        <source>链接里的位置超出了这篇文章</source>
        <translation>連結裡的位置超出了這篇文章</translation>
    </message>
    <message>
        <source>文库里还没有批注</source>
        <translation>文庫裡還沒有批註</translation>
    </message>
    <message>
        <source>导出批注</source>
        <translation>匯出批註</translation>
    </message>
    <message>
        <source>批注.md</source>
        <translation>批註.md</translation>
    </message>
    <message>
        <source>已导出 {} 条批注到 {}</source>
        <translation>已匯出 {} 條批註到 {}</translation>
    </message>
    <message>
        <source>导入批注</source>
        <translation>匯入批註</translation>
    </message>
    <message>
        <source>W3C 批注 JSON (*.json *.jsonld);;所有文件 (*)</source>
        <translation>W3C 批註 JSON (*.json *.jsonld);;所有檔案 (*)</translation>
    </message>
</context>
<context>
    <name>AnnotationsController</name>
    <message>
        <source>批注「{}」</source>
        <translation>批註「{}」</translation>
    </message>
    <message>
        <source>高亮「{}」</source>
        <translation>高亮「{}」</translation>
    </message>
    <message>
        <source>无法高亮「{}」</source>
        <translation>無法高亮「{}」</translation>
    </message>
    <message>
        <source>改变高亮颜色「{}」</source>
        <translation>改變高亮顏色「{}」</translation>
    </message>
    <message>
        <source>编辑批注「{}」</source>
        <translation>編輯批註「{}」</translation>
    </message>
    <message>
        <source>删除高亮「{}」</source>
        <translation>刪除高亮「{}」</translation>
    </message>
    <message>
        <source>无法删除高亮</source>
        <translation>無法刪除高亮</translation>
    </message>
    <message>
        <source>导入 {} 条批注</source>
        <translation>匯入 {} 條批註</translation>
    </message>
    <message>
        <source>无法改名</source>
        <translation>無法改名</translation>
    </message>
    <message>
        <source>无法编辑批注</source>
        <translation>無法編輯批註</translation>
    </message>
    <message>
        <source>{what}：{why}</source>
        <translation>{what}：{why}</translation>
    </message>
    <message>
        <source>无法完成「{}」</source>
        <translation>無法完成「{}」</translation>
    </message>
    <message>
        <source>颜色含义改为「{}」</source>
        <translation>顏色含義改為「{}」</translation>
    </message>
</context>
<context>
    <name>ArticleTableModel</name>
    <message>
        <source>标题</source>
        <translation>標題</translation>
    </message>
    <message>
        <source>来源</source>
        <translation>來源</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>{date} 导入</source>
        <translation>{date} 匯入</translation>
    </message>
    <message>
        <source>发表于 {date}</source>
        <translation>發表於 {date}</translation>
    </message>
    <message>
        <source>导入于 {date}（发表日期不详）</source>
        <translation>匯入於 {date}（發表日期不詳）</translation>
    </message>
    <message>
        <source>、</source>
        <comment>between tags</comment>
        <translation>、</translation>
    </message>
    <message>
        <source>标签：{tags}</source>
        <translation>標籤：{tags}</translation>
    </message>
</context>
<context>
    <name>BackupController</name>
    <message>
        <source>已备份到 {path}</source>
        <translation>已備份到 {path}</translation>
    </message>
    <message>
        <source>恢复文库</source>
        <translation>恢復文庫</translation>
    </message>
    <message>
        <source>用 {name} 中的文库替换当前文库？

当前文库会先另存为一份备份，之后仍可恢复。</source>
        <translation>用 {name} 中的文庫替換當前文庫？

當前文庫會先另存為一份備份，之後仍可恢復。</translation>
    </message>
    <message>
        <source>已恢复 {articles} 篇文章、{notes} 条批注。</source>
        <translation>已恢復 {articles} 篇文章、{notes} 條批註。</translation>
    </message>
    <message>
        <source>恢复前的文库已保存为 {path}。</source>
        <translation>恢復前的文庫已儲存為 {path}。</translation>
    </message>
    <message>
        <source>外观等设置在重新启动后生效。</source>
        <translation>外觀等設定在重新啟動後生效。</translation>
    </message>
    <message>
        <source>从文件恢复</source>
        <translation>從檔案恢復</translation>
    </message>
    <message>
        <source>文库备份 (*.sqlite3 *.sqlite *.db);;所有文件 (*)</source>
        <translation>文庫備份 (*.sqlite3 *.sqlite *.db);;所有檔案 (*)</translation>
    </message>
    <message>
        <source>备份与恢复</source>
        <translation>備份與恢復</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <source>备份与恢复</source>
        <translation>備份與恢復</translation>
    </message>
    <message>
        <source>每天自动备份一次，清空回收站和恢复之前也会备份。备份保存在：</source>
        <translation>每天自動備份一次，清空資源回收筒和恢復之前也會備份。備份儲存在：</translation>
    </message>
    <message>
        <source>保留最近的备份：</source>
        <translation>保留最近的備份：</translation>
    </message>
    <message>
        <source> 份</source>
        <translation> 份</translation>
    </message>
    <message>
        <source>立即备份</source>
        <translation>立即備份</translation>
    </message>
    <message>
        <source>恢复所选…</source>
        <translation>恢復所選…</translation>
    </message>
    <message>
        <source>从文件恢复…</source>
        <translation>從檔案恢復…</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>關閉</translation>
    </message>
    <message>
        <source>恢复前</source>
        <translation>恢復前</translation>
    </message>
    <message>
        <source>清空回收站前</source>
        <translation>清空資源回收筒前</translation>
    </message>
    <message>
        <source>已损坏的文库</source>
        <translation>已損壞的文庫</translation>
    </message>
    <message>
        <source>还没有备份</source>
        <translation>還沒有備份</translation>
    </message>
</context>
<context>
    <name>ColorButton</name>
    <message>
        <source>随主题</source>
        <translation>隨主題</translation>
    </message>
    <message>
        <source>选择颜色</source>
        <translation>選擇顏色</translation>
    </message>
</context>
<context>
    <name>Colours</name>
    <message>
        <source>重点</source>
        <translation>重點</translation>
    </message>
    <message>
        <source>引用</source>
        <translation>引用</translation>
    </message>
    <message>
        <source>疑问</source>
        <translation>疑問</translation>
    </message>
    <message>
        <source>待查</source>
        <translation>待查</translation>
    </message>
</context>
<context>
    <name>DesktopEntryActions</name>
    <message>
        <source>添加到应用程序菜单</source>
        <translation>新增到應用程式選單</translation>
    </message>
    <message>
        <source>从应用程序菜单移除</source>
        <translation>從應用程式選單移除</translation>
    </message>
    <message>
        <source>已添加到应用程序菜单</source>
        <translation>已新增到應用程式選單</translation>
    </message>
    <message>
        <source>已从应用程序菜单移除</source>
        <translation>已從應用程式選單移除</translation>
    </message>
    <message>
        <source>无法更改应用程序菜单：{}</source>
        <translation>無法更改應用程式選單：{}</translation>
    </message>
    <message>
        <source>应用程序菜单</source>
        <translation>應用程式選單</translation>
    </message>
</context>
<context>
    <name>Exporter</name>
    <message>
        <source>网页 (*.html)</source>
        <translation>網頁 (*.html)</translation>
    </message>
    <message>
        <source>纯文本 (*.txt)</source>
        <translation>純文字 (*.txt)</translation>
    </message>
    <message>
        <source>文章</source>
        <translation>文章</translation>
    </message>
    <message>
        <source>导出文章</source>
        <translation>匯出文章</translation>
    </message>
    <message>
        <source>无法写入 PDF 文件</source>
        <translation>無法寫入 PDF 檔案</translation>
    </message>
    <message>
        <source>已导出到 {path}</source>
        <translation>已匯出到 {path}</translation>
    </message>
    <message>
        <source>同时打印关键词、人名地名等标记</source>
        <translation>同時列印關鍵詞、人名地名等標記</translation>
    </message>
    <message>
        <source>标记</source>
        <translation>標記</translation>
    </message>
    <message>
        <source>已打印到 {path}</source>
        <translation>已列印到 {path}</translation>
    </message>
    <message>
        <source>已送往打印机 {printer}：{title}</source>
        <translation>已送往印表機 {printer}：{title}</translation>
    </message>
</context>
<context>
    <name>FeedOptionsDialog</name>
    <message>
        <source>订阅属性</source>
        <translation>訂閱屬性</translation>
    </message>
    <message>
        <source>只用摘要（不下载原文网页）</source>
        <translation>只用摘要（不下載原文網頁）</translation>
    </message>
    <message>
        <source>跟随设置（{minutes} 分钟）</source>
        <translation>跟隨設定（{minutes} 分鐘）</translation>
    </message>
    <message>
        <source> 分钟</source>
        <translation> 分鐘</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>名稱</translation>
    </message>
    <message>
        <source>地址</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>文件夹</source>
        <translation>資料夾</translation>
    </message>
    <message>
        <source>自动更新间隔</source>
        <translation>自動更新間隔</translation>
    </message>
</context>
<context>
    <name>FeedsController</name>
    <message>
        <source>还没有订阅：文件 → 订阅…</source>
        <translation>還沒有訂閱：檔案 → 訂閱…</translation>
    </message>
    <message>
        <source>正在更新订阅…</source>
        <translation>正在更新訂閱…</translation>
    </message>
    <message>
        <source>正在更新订阅 {done}/{total}</source>
        <translation>正在更新訂閱 {done}/{total}</translation>
    </message>
    <message numerus="yes">
        <source>订阅已更新：%n 篇新文章</source>
        <translation>
            <numerusform>訂閱已更新：%n 篇新文章</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>，%n 篇有更新</source>
        <translation>
            <numerusform>，%n 篇有更新</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>，%n 个订阅出错（见文库中的标记）</source>
        <translation>
            <numerusform>，%n 個訂閱出錯（見文庫中的標記）</numerusform>
        </translation>
    </message>
    <message>
        <source>订阅更新失败：{error}</source>
        <translation>訂閱更新失敗：{error}</translation>
    </message>
    <message>
        <source>订阅</source>
        <translation>訂閱</translation>
    </message>
    <message>
        <source>无法订阅：{error}</source>
        <translation>無法訂閱：{error}</translation>
    </message>
    <message>
        <source>正在查找订阅源 {url}</source>
        <translation>正在尋找訂閱源 {url}</translation>
    </message>
    <message>
        <source>已订阅 {name}</source>
        <translation>已訂閱 {name}</translation>
    </message>
    <message>
        <source>更新此订阅</source>
        <translation>更新此訂閱</translation>
    </message>
    <message>
        <source>重命名…</source>
        <translation>重新命名…</translation>
    </message>
    <message>
        <source>移到文件夹…</source>
        <translation>移到資料夾…</translation>
    </message>
    <message>
        <source>属性…</source>
        <translation>屬性…</translation>
    </message>
    <message>
        <source>取消订阅…</source>
        <translation>取消訂閱…</translation>
    </message>
    <message>
        <source>更新此文件夹</source>
        <translation>更新此資料夾</translation>
    </message>
    <message>
        <source>更新全部订阅</source>
        <translation>更新全部訂閱</translation>
    </message>
    <message>
        <source>订阅…</source>
        <translation>訂閱…</translation>
    </message>
    <message>
        <source>重命名订阅</source>
        <translation>重新命名訂閱</translation>
    </message>
    <message>
        <source>新名称：</source>
        <translation>新名稱：</translation>
    </message>
    <message>
        <source>移到文件夹</source>
        <translation>移到資料夾</translation>
    </message>
    <message>
        <source>文件夹（留空则不放入文件夹）：</source>
        <translation>資料夾（留空則不放入資料夾）：</translation>
    </message>
    <message>
        <source>取消订阅</source>
        <translation>取消訂閱</translation>
    </message>
    <message>
        <source>取消订阅“{name}”？</source>
        <translation>取消訂閱“{name}”？</translation>
    </message>
    <message numerus="yes">
        <source>它的 %n 篇文章留在文库中。</source>
        <translation>
            <numerusform>它的 %n 篇文章留在文庫中。</numerusform>
        </translation>
    </message>
    <message>
        <source>取消订阅并把文章移到回收站</source>
        <translation>取消訂閱並把文章移到資源回收筒</translation>
    </message>
    <message>
        <source>已取消订阅 {name}</source>
        <translation>已取消訂閱 {name}</translation>
    </message>
    <message>
        <source>导入订阅列表</source>
        <translation>匯入訂閱列表</translation>
    </message>
    <message>
        <source>OPML 文件 (*.opml *.xml)</source>
        <translation>OPML 檔案 (*.opml *.xml)</translation>
    </message>
    <message>
        <source>所有文件 (*)</source>
        <translation>所有檔案 (*)</translation>
    </message>
    <message>
        <source>{file}：{error}</source>
        <translation>{file}：{error}</translation>
    </message>
    <message numerus="yes">
        <source>新订阅 %n 个</source>
        <translation>
            <numerusform>新訂閱 %n 個</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>，%n 个已订阅</source>
        <translation>
            <numerusform>，%n 個已訂閱</numerusform>
        </translation>
    </message>
    <message>
        <source>导出订阅列表</source>
        <translation>匯出訂閱列表</translation>
    </message>
    <message>
        <source>OPML 文件 (*.opml)</source>
        <translation>OPML 檔案 (*.opml)</translation>
    </message>
    <message>
        <source>已导出到 {path}</source>
        <translation>已匯出到 {path}</translation>
    </message>
</context>
<context>
    <name>Files</name>
    <message>
        <source>导出失败</source>
        <translation>匯出失敗</translation>
    </message>
    <message>
        <source>{path}：{error}</source>
        <translation>{path}：{error}</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>在本文中查找（简繁通用）</source>
        <translation>在本文中尋找（簡繁通用）</translation>
    </message>
    <message>
        <source>上一个 (Shift+Enter)</source>
        <translation>上一個 (Shift+Enter)</translation>
    </message>
    <message>
        <source>下一个 (Enter)</source>
        <translation>下一個 (Enter)</translation>
    </message>
    <message>
        <source>关闭 (Esc)</source>
        <translation>關閉 (Esc)</translation>
    </message>
    <message>
        <source>查找</source>
        <translation>尋找</translation>
    </message>
    <message>
        <source>无结果</source>
        <translation>無結果</translation>
    </message>
</context>
<context>
    <name>Importer</name>
    <message>
        <source>所有文件 (*)</source>
        <translation>所有檔案 (*)</translation>
    </message>
    <message>
        <source>导入文件</source>
        <translation>匯入檔案</translation>
    </message>
    <message>
        <source>导入文件夹</source>
        <translation>匯入資料夾</translation>
    </message>
    <message>
        <source>从网址导入</source>
        <translation>從網址匯入</translation>
    </message>
    <message>
        <source>新闻网页的网址：</source>
        <translation>新聞網頁的網址：</translation>
    </message>
    <message>
        <source>这不是网址：{url}</source>
        <translation>這不是網址：{url}</translation>
    </message>
    <message>
        <source>剪贴板里没有文字</source>
        <translation>剪貼簿裡沒有文字</translation>
    </message>
    <message>
        <source>正在导入…</source>
        <translation>正在匯入…</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>导入</source>
        <translation>匯入</translation>
    </message>
    <message>
        <source>正在下载 {url}</source>
        <translation>正在下載 {url}</translation>
    </message>
    <message>
        <source>正在导入 {name}</source>
        <translation>正在匯入 {name}</translation>
    </message>
    <message>
        <source>导入失败</source>
        <translation>匯入失敗</translation>
    </message>
    <message numerus="yes">
        <source>导入 %n 条批注</source>
        <translation>
            <numerusform>匯入 %n 條批註</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>导入 %n 篇文章</source>
        <translation>
            <numerusform>匯入 %n 篇文章</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>，%n 篇已在库中</source>
        <translation>
            <numerusform>，%n 篇已在庫中</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>，%n 条批注</source>
        <translation>
            <numerusform>，%n 條批註</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>，%n 条在原文中找不到（列为未能定位）</source>
        <translation>
            <numerusform>，%n 條在原文中找不到（列為未能定位）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>，%n 条批注已在文库中</source>
        <translation>
            <numerusform>，%n 條批註已在文庫中</numerusform>
        </translation>
    </message>
    <message>
        <source>（已取消）</source>
        <translation>（已取消）</translation>
    </message>
    <message>
        <source>导入时有提示</source>
        <translation>匯入時有提示</translation>
    </message>
    <message>
        <source>{file}：{reason}</source>
        <translation>{file}：{reason}</translation>
    </message>
    <message>
        <source>不是一篇文章</source>
        <translation>不是一篇文章</translation>
    </message>
    <message>
        <source>这些网页不像一篇新闻文章，没有导入：

{pages}</source>
        <translation>這些網頁不像一篇新聞文章，沒有匯入：

{pages}</translation>
    </message>
    <message>
        <source>仍作为文字导入</source>
        <translation>仍作為文字匯入</translation>
    </message>
    <message>
        <source>没有可导入的文件</source>
        <translation>沒有可匯入的檔案</translation>
    </message>
    <message>
        <source>不是 W3C 批注 JSON 文件</source>
        <translation>不是 W3C 批註 JSON 檔案</translation>
    </message>
    <message>
        <source>{folders}：{nothing}</source>
        <translation>{folders}：{nothing}</translation>
    </message>
    <message>
        <source>{file}：{error}</source>
        <translation>{file}：{error}</translation>
    </message>
    <message numerus="yes">
        <source>……另有 %n 个</source>
        <translation>
            <numerusform>……另有 %n 個</numerusform>
        </translation>
    </message>
    <message>
        <source>报纸文本和网页 ({patterns})</source>
        <translation>報紙文字和網頁 ({patterns})</translation>
    </message>
    <message>
        <source>部分文件未能导入</source>
        <translation>部分檔案未能匯入</translation>
    </message>
    <message>
        <source>{summary}。

{errors}</source>
        <translation>{summary}。

{errors}</translation>
    </message>
</context>
<context>
    <name>KeywordModel</name>
    <message>
        <source>{word}&#x3000;权重 {weight}</source>
        <translation>{word}&#x3000;權重 {weight}</translation>
    </message>
</context>
<context>
    <name>KeywordPanel</name>
    <message>
        <source>人名</source>
        <translation>人名</translation>
    </message>
    <message>
        <source>地名</source>
        <translation>地名</translation>
    </message>
    <message>
        <source>机构</source>
        <translation>機構</translation>
    </message>
    <message>
        <source>关键词</source>
        <translation>關鍵詞</translation>
    </message>
    <message>
        <source>◀ 上一处</source>
        <translation>◀ 上一處</translation>
    </message>
    <message>
        <source>下一处 ▶</source>
        <translation>下一處 ▶</translation>
    </message>
    <message>
        <source>含此关键词的其他文章</source>
        <translation>含此關鍵詞的其他文章</translation>
    </message>
    <message>
        <source>人名 · 地名 · 机构</source>
        <translation>人名 · 地名 · 機構</translation>
    </message>
    <message>
        <source>关注词</source>
        <translation>關注詞</translation>
    </message>
    <message>
        <source>未设置（查看 → 关注词…）</source>
        <translation>未設定（檢視 → 關注詞…）</translation>
    </message>
    <message>
        <source>分析中…</source>
        <translation>分析中…</translation>
    </message>
    <message>
        <source>（没有）</source>
        <translation>（沒有）</translation>
    </message>
</context>
<context>
    <name>LibraryErrors</name>
    <message>
        <source>无法打开文库</source>
        <translation>無法開啟文庫</translation>
    </message>
    <message>
        <source>文库已损坏</source>
        <translation>文庫已損壞</translation>
    </message>
    <message>
        <source>文库文件已损坏，阅报没有改动它。可以先保存一份副本，再从备份恢复，或把它移到别处以新建文库。</source>
        <translation>文庫檔案已損壞，閱報沒有改動它。可以先儲存一份副本，再從備份恢復，或把它移到別處以新建文庫。</translation>
    </message>
    <message>
        <source>保存副本</source>
        <translation>儲存副本</translation>
    </message>
    <message>
        <source>未能保存副本</source>
        <translation>未能儲存副本</translation>
    </message>
    <message>
        <source>已保存副本</source>
        <translation>已儲存副本</translation>
    </message>
    <message>
        <source>副本已保存为 {path}</source>
        <translation>副本已儲存為 {path}</translation>
    </message>
</context>
<context>
    <name>LibrarySidebar</name>
    <message>
        <source>发表于 {day}</source>
        <translation>發表於 {day}</translation>
    </message>
    <message>
        <source>日期不详</source>
        <translation>日期不詳</translation>
    </message>
    <message>
        <source>发表日期不详的文章（列表中显示导入日期）</source>
        <translation>發表日期不詳的文章（列表中顯示匯入日期）</translation>
    </message>
    <message>
        <source>全部文章</source>
        <translation>全部文章</translation>
    </message>
    <message>
        <source>未读</source>
        <translation>未讀</translation>
    </message>
    <message>
        <source>已加星标</source>
        <translation>已加星標</translation>
    </message>
    <message>
        <source>关注词</source>
        <translation>關注詞</translation>
    </message>
    <message>
        <source>订阅</source>
        <translation>訂閱</translation>
    </message>
    <message>
        <source>标签</source>
        <translation>標籤</translation>
    </message>
    <message>
        <source>来源</source>
        <translation>來源</translation>
    </message>
    <message>
        <source>版面</source>
        <translation>版面</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>回收站</source>
        <translation>資源回收筒</translation>
    </message>
    <message>
        <source>更新失败：{error}</source>
        <translation>更新失敗：{error}</translation>
    </message>
    <message>
        <source>重命名标签…</source>
        <translation>重新命名標籤…</translation>
    </message>
    <message>
        <source>删除标签</source>
        <translation>刪除標籤</translation>
    </message>
    <message>
        <source>清空回收站…</source>
        <translation>清空資源回收筒…</translation>
    </message>
    <message>
        <source>编辑关注词…</source>
        <translation>編輯關注詞…</translation>
    </message>
</context>
<context>
    <name>LibraryWriter</name>
    <message>
        <source>另一个阅报正在写入文库，等它写完再保存（已等 {seconds} 秒）…</source>
        <translation>另一個閱報正在寫入文庫，等它寫完再儲存（已等 {seconds} 秒）…</translation>
    </message>
</context>
<context>
    <name>ListSync</name>
    <message numerus="yes">
        <source>%n 篇文章</source>
        <translation>
            <numerusform>%n 篇文章</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n 篇，共 {total} 篇</source>
        <translation>
            <numerusform>%n 篇，共 {total} 篇</numerusform>
        </translation>
    </message>
    <message>
        <source>没有找到含“{query}”的文章</source>
        <translation>沒有找到含“{query}”的文章</translation>
    </message>
    <message>
        <source>（只在左侧选中的范围里找了：点「全部文章」找全部）</source>
        <translation>（只在左側選取的範圍裡找了：點「全部文章」找全部）</translation>
    </message>
    <message>
        <source>回收站是空的</source>
        <translation>資源回收筒是空的</translation>
    </message>
    <message>
        <source>文库里还没有文章：文件 → 导入文件…，或把文件拖到窗口上</source>
        <translation>文庫裡還沒有文章：檔案 → 匯入檔案…，或把檔案拖到視窗上</translation>
    </message>
    <message>
        <source>这里没有文章</source>
        <translation>這裡沒有文章</translation>
    </message>
    <message>
        <source>重命名标签</source>
        <translation>重新命名標籤</translation>
    </message>
    <message>
        <source>新名称：</source>
        <translation>新名稱：</translation>
    </message>
</context>
<context>
    <name>LookupController</name>
    <message>
        <source>粤</source>
        <translation>粵</translation>
    </message>
    <message>
        <source>词典中没有这个词</source>
        <translation>詞典中沒有這個詞</translation>
    </message>
    <message>
        <source>Shift+←/→ 缩短/加长 · A 加入生词本 · Esc 关闭</source>
        <translation>Shift+←/→ 縮短/加長 · A 加入生詞本 · Esc 關閉</translation>
    </message>
    <message>
        <source>已加入生词本：%1</source>
        <translation>已加入生詞本：%1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>关键词</source>
        <translation>關鍵詞</translation>
    </message>
    <message>
        <source>文库</source>
        <translation>文庫</translation>
    </message>
    <message>
        <source>搜索文库，简繁通用 (Ctrl+K)</source>
        <translation>搜尋文庫，簡繁通用 (Ctrl+K)</translation>
    </message>
    <message>
        <source>关于阅报</source>
        <translation>關於閱報</translation>
    </message>
    <message>
        <source>把报纸版面文本整理成干净的文章，简繁随心，标注长存。</source>
        <translation>把報紙版面文本整理成乾淨的文章，簡繁隨心，標註長存。</translation>
    </message>
    <message>
        <source>未能保存</source>
        <translation>未能儲存</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <source>文件(&amp;F)</source>
        <translation>檔案(&amp;F)</translation>
    </message>
    <message>
        <source>导入文件(&amp;I)…</source>
        <translation>匯入檔案(&amp;I)…</translation>
    </message>
    <message>
        <source>导入文件夹(&amp;D)…</source>
        <translation>匯入資料夾(&amp;D)…</translation>
    </message>
    <message>
        <source>从网址导入(&amp;U)…</source>
        <translation>從網址匯入(&amp;U)…</translation>
    </message>
    <message>
        <source>粘贴为新文章(&amp;N)</source>
        <translation>貼上為新文章(&amp;N)</translation>
    </message>
    <message>
        <source>订阅(&amp;B)…</source>
        <translation>訂閱(&amp;B)…</translation>
    </message>
    <message>
        <source>更新全部订阅(&amp;R)</source>
        <translation>更新全部訂閱(&amp;R)</translation>
    </message>
    <message>
        <source>导入订阅列表 (OPML)…</source>
        <translation>匯入訂閱列表 (OPML)…</translation>
    </message>
    <message>
        <source>导出订阅列表 (OPML)…</source>
        <translation>匯出訂閱列表 (OPML)…</translation>
    </message>
    <message>
        <source>导出文章(&amp;E)…</source>
        <translation>匯出文章(&amp;E)…</translation>
    </message>
    <message>
        <source>打印(&amp;P)…</source>
        <translation>列印(&amp;P)…</translation>
    </message>
    <message>
        <source>备份与恢复(&amp;B)…</source>
        <translation>備份與恢復(&amp;B)…</translation>
    </message>
    <message>
        <source>设置(&amp;S)…</source>
        <translation>設定(&amp;S)…</translation>
    </message>
    <message>
        <source>退出(&amp;Q)</source>
        <translation>結束(&amp;Q)</translation>
    </message>
    <message>
        <source>查看(&amp;V)</source>
        <translation>檢視(&amp;V)</translation>
    </message>
    <message>
        <source>文字(&amp;S)</source>
        <translation>文字(&amp;S)</translation>
    </message>
    <message>
        <source>标出多义字(&amp;A)</source>
        <translation>標出多義字(&amp;A)</translation>
    </message>
    <message>
        <source>拼音(&amp;P)</source>
        <translation>拼音(&amp;P)</translation>
    </message>
    <message>
        <source>在文字上方标出读音（拼音、注音或粤拼，见设置）</source>
        <translation>在文字上方標出讀音（拼音、注音或粵拼，見設定）</translation>
    </message>
    <message>
        <source>关注词(&amp;W)…</source>
        <translation>關注詞(&amp;W)…</translation>
    </message>
    <message>
        <source>用户词典(&amp;U)…</source>
        <translation>使用者詞典(&amp;U)…</translation>
    </message>
    <message>
        <source>下一处关键词</source>
        <translation>下一處關鍵詞</translation>
    </message>
    <message>
        <source>上一处关键词</source>
        <translation>上一處關鍵詞</translation>
    </message>
    <message>
        <source>放大字体</source>
        <translation>放大字型</translation>
    </message>
    <message>
        <source>缩小字体</source>
        <translation>縮小字型</translation>
    </message>
    <message>
        <source>下一篇</source>
        <translation>下一篇</translation>
    </message>
    <message>
        <source>上一篇</source>
        <translation>上一篇</translation>
    </message>
    <message>
        <source>文章(&amp;A)</source>
        <translation>文章(&amp;A)</translation>
    </message>
    <message>
        <source>下一篇未读(&amp;N)</source>
        <translation>下一篇未讀(&amp;N)</translation>
    </message>
    <message>
        <source>向下翻页</source>
        <translation>向下翻頁</translation>
    </message>
    <message>
        <source>搜索文库(&amp;K)</source>
        <translation>搜尋文庫(&amp;K)</translation>
    </message>
    <message>
        <source>在本文中查找(&amp;F)…</source>
        <translation>在本文中尋找(&amp;F)…</translation>
    </message>
    <message>
        <source>帮助(&amp;H)</source>
        <translation>說明(&amp;H)</translation>
    </message>
    <message>
        <source>关于阅报(&amp;A)</source>
        <translation>關於閱報(&amp;A)</translation>
    </message>
    <message>
        <source>工具栏</source>
        <translation>工具列</translation>
    </message>
    <message>
        <source>工具(&amp;T)</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>朗读(&amp;R)</source>
        <translation>朗讀(&amp;R)</translation>
    </message>
    <message>
        <source>朗读全文</source>
        <translation>朗讀全文</translation>
    </message>
    <message>
        <source>朗读选中内容</source>
        <translation>朗讀選取內容</translation>
    </message>
    <message>
        <source>暂停/继续朗读</source>
        <translation>暫停/繼續朗讀</translation>
    </message>
    <message>
        <source>停止朗读</source>
        <translation>停止朗讀</translation>
    </message>
    <message>
        <source>加快朗读</source>
        <translation>加快朗讀</translation>
    </message>
    <message>
        <source>减慢朗读</source>
        <translation>減慢朗讀</translation>
    </message>
    <message>
        <source>香港繁体用粤语朗读</source>
        <translation>香港繁體用粵語朗讀</translation>
    </message>
    <message>
        <source>生词本(&amp;W)…</source>
        <translation>生詞本(&amp;W)…</translation>
    </message>
    <message>
        <source> 文字 </source>
        <translation> 文字 </translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <source>批注</source>
        <translation>批註</translation>
    </message>
    <message>
        <source>「{quote}」</source>
        <translation>「{quote}」</translation>
    </message>
    <message>
        <source>写下你的想法…</source>
        <translation>寫下你的想法…</translation>
    </message>
    <message>
        <source>颜色</source>
        <translation>顏色</translation>
    </message>
</context>
<context>
    <name>OrganiseActions</name>
    <message>
        <source>加星标/取消星标</source>
        <translation>加星標/取消星標</translation>
    </message>
    <message>
        <source>标为已读/未读</source>
        <translation>標為已讀/未讀</translation>
    </message>
    <message>
        <source>添加标签(&amp;T)…</source>
        <translation>新增標籤(&amp;T)…</translation>
    </message>
    <message>
        <source>移到回收站</source>
        <translation>移到資源回收筒</translation>
    </message>
    <message>
        <source>从回收站恢复</source>
        <translation>從資源回收筒恢復</translation>
    </message>
    <message>
        <source>清空回收站…</source>
        <translation>清空資源回收筒…</translation>
    </message>
    <message>
        <source>移除标签</source>
        <translation>移除標籤</translation>
    </message>
    <message>
        <source>添加标签</source>
        <translation>新增標籤</translation>
    </message>
    <message>
        <source>标签名：</source>
        <translation>標籤名：</translation>
    </message>
    <message>
        <source>已移到回收站：{title}</source>
        <translation>已移到資源回收筒：{title}</translation>
    </message>
    <message numerus="yes">
        <source>已将 %n 篇文章移到回收站</source>
        <translation>
            <numerusform>已將 %n 篇文章移到資源回收筒</numerusform>
        </translation>
    </message>
    <message>
        <source>已从回收站恢复：{title}</source>
        <translation>已從資源回收筒恢復：{title}</translation>
    </message>
    <message numerus="yes">
        <source>已从回收站恢复 %n 篇文章</source>
        <translation>
            <numerusform>已從資源回收筒恢復 %n 篇文章</numerusform>
        </translation>
    </message>
    <message>
        <source>{done}（Ctrl+Z 撤销）</source>
        <translation>{done}（Ctrl+Z 復原）</translation>
    </message>
    <message>
        <source>清空回收站</source>
        <translation>清空資源回收筒</translation>
    </message>
    <message numerus="yes">
        <source>永久删除回收站中的 %n 篇文章？它们的高亮和批注也会一并删除，此操作无法撤销。</source>
        <translation>
            <numerusform>永久刪除資源回收筒中的 %n 篇文章？它們的高亮和批註也會一併刪除，此操作無法復原。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Preferences</name>
    <message>
        <source>跟随系统</source>
        <translation>跟隨系統</translation>
    </message>
    <message>
        <source>浅色</source>
        <translation>淺色</translation>
    </message>
    <message>
        <source>深色</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>护眼</source>
        <translation>護眼</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>搜尋位置(&amp;L)：</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>檔案類型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>QPrintSettingsOutput</name>
    <message>
        <source>Page &amp;Set:</source>
        <translation>列印頁面(&amp;S)：</translation>
    </message>
    <message>
        <source>Double Sided Printing</source>
        <translation>雙面列印</translation>
    </message>
    <message>
        <source>Long side binding</source>
        <translation>長邊裝訂</translation>
    </message>
    <message>
        <source>Short side binding</source>
        <translation>短邊裝訂</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>關閉</translation>
    </message>
</context>
<context>
    <name>ReadAloud</name>
    <message>
        <source>无法朗读</source>
        <translation>無法朗讀</translation>
    </message>
    <message>
        <source>朗读需要语音引擎 espeak-ng，但本机没有安装。
请先安装 espeak-ng（Debian / Ubuntu：sudo apt install espeak-ng），再试一次。</source>
        <translation>朗讀需要語音引擎 espeak-ng，但本機沒有安裝。
請先安裝 espeak-ng（Debian / Ubuntu：sudo apt install espeak-ng），再試一次。</translation>
    </message>
    <message>
        <source>朗读失败：{}</source>
        <translation>朗讀失敗：{}</translation>
    </message>
    <message>
        <source>继续 (Ctrl+Shift+Space)</source>
        <translation>繼續 (Ctrl+Shift+Space)</translation>
    </message>
    <message>
        <source>暂停 (Ctrl+Shift+Space)</source>
        <translation>暫停 (Ctrl+Shift+Space)</translation>
    </message>
    <message>
        <source>粤语</source>
        <translation>粵語</translation>
    </message>
    <message>
        <source>普通话</source>
        <translation>普通話</translation>
    </message>
    <message>
        <source>第 {n} / {total} 句</source>
        <translation>第 {n} / {total} 句</translation>
    </message>
</context>
<context>
    <name>ReadAloudBar</name>
    <message>
        <source>停止朗读 (Esc)</source>
        <translation>停止朗讀 (Esc)</translation>
    </message>
    <message>
        <source>减慢 ([)</source>
        <translation>減慢 ([)</translation>
    </message>
    <message>
        <source>加快 (])</source>
        <translation>加快 (])</translation>
    </message>
    <message>
        <source>朗读</source>
        <translation>朗讀</translation>
    </message>
    <message>
        <source>语速</source>
        <translation>語速</translation>
    </message>
</context>
<context>
    <name>ReadingController</name>
    <message>
        <source>{chars} 字&#x3000;约 {minutes} 分钟</source>
        <translation>{chars} 字&#x3000;約 {minutes} 分鐘</translation>
    </message>
    <message>
        <source>没有未读文章了</source>
        <translation>沒有未讀文章了</translation>
    </message>
    <message>
        <source>{chosen}：也可作 {alternatives}
选中词语后右键「修正转换…」可改为你的写法</source>
        <translation>{chosen}：也可作 {alternatives}
選取詞語後右鍵「修正轉換…」可改為你的寫法</translation>
    </message>
    <message>
        <source>、</source>
        <comment>between alternative characters</comment>
        <translation>、</translation>
    </message>
    <message numerus="yes">
        <source>%n 处多义字</source>
        <translation>
            <numerusform>%n 處多義字</numerusform>
        </translation>
    </message>
    <message>
        <source>复制为简体</source>
        <translation>複製為簡體</translation>
    </message>
    <message>
        <source>复制为繁体</source>
        <translation>複製為繁體</translation>
    </message>
    <message>
        <source>修正转换…</source>
        <translation>修正轉換…</translation>
    </message>
    <message>
        <source>恢复默认转换</source>
        <translation>恢復預設轉換</translation>
    </message>
</context>
<context>
    <name>ReadingPane</name>
    <message>
        <source>从左侧选择一篇文章开始阅读</source>
        <translation>從左側選擇一篇文章開始閱讀</translation>
    </message>
</context>
<context>
    <name>ScriptSelector</name>
    <message>
        <source>原文</source>
        <translation>原文</translation>
    </message>
    <message>
        <source>简体</source>
        <translation>簡體</translation>
    </message>
    <message>
        <source>繁体</source>
        <translation>繁體</translation>
    </message>
    <message>
        <source>台湾正体</source>
        <translation>台灣正體</translation>
    </message>
    <message>
        <source>台湾用语</source>
        <translation>台灣用語</translation>
    </message>
    <message>
        <source>香港繁体</source>
        <translation>香港繁體</translation>
    </message>
    <message>
        <source>香港用语</source>
        <translation>香港用語</translation>
    </message>
    <message>
        <source>简体（台湾来源）</source>
        <translation>簡體（台灣來源）</translation>
    </message>
    <message>
        <source>简体（台湾来源，大陆用语）</source>
        <translation>簡體（台灣來源，大陸用語）</translation>
    </message>
    <message>
        <source>简体（香港来源）</source>
        <translation>簡體（香港來源）</translation>
    </message>
    <message>
        <source>简体（香港来源，大陆用语）</source>
        <translation>簡體（香港來源，大陸用語）</translation>
    </message>
    <message>
        <source>文字：原文或简繁转换 (Ctrl+1 … Ctrl+6)</source>
        <translation>文字：原文或簡繁轉換 (Ctrl+1 … Ctrl+6)</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>设置</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>阅读</source>
        <translation>閱讀</translation>
    </message>
    <message>
        <source>外观</source>
        <translation>外觀</translation>
    </message>
    <message>
        <source>词语</source>
        <translation>詞語</translation>
    </message>
    <message>
        <source> 像素</source>
        <translation> 像素</translation>
    </message>
    <message>
        <source> 字</source>
        <translation> 字</translation>
    </message>
    <message>
        <source>字体</source>
        <translation>字型</translation>
    </message>
    <message>
        <source>字号</source>
        <translation>字型大小</translation>
    </message>
    <message>
        <source>行距</source>
        <translation>行距</translation>
    </message>
    <message>
        <source>首行缩进</source>
        <translation>首行縮排</translation>
    </message>
    <message>
        <source>每行字数</source>
        <translation>每行字數</translation>
    </message>
    <message>
        <source>默认文字</source>
        <translation>預設文字</translation>
    </message>
    <message>
        <source>拼音（香港繁体显示粤拼）</source>
        <translation>拼音（香港繁體顯示粵拼）</translation>
    </message>
    <message>
        <source>拼音</source>
        <translation>拼音</translation>
    </message>
    <message>
        <source>注音</source>
        <translation>注音</translation>
    </message>
    <message>
        <source>粤拼</source>
        <translation>粵拼</translation>
    </message>
    <message>
        <source>查词弹窗与拼音模式（查看 → 拼音）标出的读音</source>
        <translation>查詞彈窗與拼音模式（檢視 → 拼音）標出的讀音</translation>
    </message>
    <message>
        <source>在正文中标出生词本里正在学的词</source>
        <translation>在正文中標出生詞本里正在學的詞</translation>
    </message>
    <message>
        <source>读音</source>
        <translation>讀音</translation>
    </message>
    <message>
        <source>在正文中标出关键词</source>
        <translation>在正文中標出關鍵詞</translation>
    </message>
    <message>
        <source>恢复主题颜色</source>
        <translation>恢復主題顏色</translation>
    </message>
    <message>
        <source>主题</source>
        <translation>主題</translation>
    </message>
    <message>
        <source>关键词标记颜色</source>
        <translation>關鍵詞標記顏色</translation>
    </message>
    <message>
        <source>关注词颜色</source>
        <translation>關注詞顏色</translation>
    </message>
    <message>
        <source>人名、地名、机构的颜色随主题，可在关键词面板中开关。</source>
        <translation>人名、地名、機構的顏色隨主題，可在關鍵詞面板中開關。</translation>
    </message>
    <message>
        <source>跟随系统（{language}）</source>
        <translation>跟隨系統（{language}）</translation>
    </message>
    <message>
        <source>界面语言</source>
        <translation>介面語言</translation>
    </message>
    <message>
        <source>重新启动阅报后生效。</source>
        <translation>重新啟動閱報後生效。</translation>
    </message>
    <message>
        <source>关注词（每行一个，在所有文章里标出）</source>
        <translation>關注詞（每行一個，在所有文章裡標出）</translation>
    </message>
    <message>
        <source>用户词典（每行一个，分词时当作一个词；署名中的人名自动加入）</source>
        <translation>使用者詞典（每行一個，分詞時當作一個詞；署名中的人名自動加入）</translation>
    </message>
    <message>
        <source>保存词语</source>
        <translation>儲存詞語</translation>
    </message>
</context>
<context>
    <name>SubscribeDialog</name>
    <message>
        <source>订阅</source>
        <translation>訂閱</translation>
    </message>
    <message>
        <source>https://…/rss.xml 或新闻网站的网址</source>
        <translation>https://…/rss.xml 或新聞網站的網址</translation>
    </message>
    <message>
        <source>只用摘要（不下载原文网页）</source>
        <translation>只用摘要（不下載原文網頁）</translation>
    </message>
    <message>
        <source> 分钟</source>
        <translation> 分鐘</translation>
    </message>
    <message>
        <source>可以填订阅源（RSS、Atom、JSON Feed）的地址，也可以填网站的网址，阅报会找出网页里的订阅源。只有摘要的条目会下载原文网页，提取正文。</source>
        <translation>可以填訂閱源（RSS、Atom、JSON Feed）的地址，也可以填網站的網址，閱報會找出網頁裡的訂閱源。只有摘要的條目會下載原文網頁，提取正文。</translation>
    </message>
    <message>
        <source>网址</source>
        <translation>網址</translation>
    </message>
    <message>
        <source>文件夹</source>
        <translation>資料夾</translation>
    </message>
    <message>
        <source>每隔多久自动更新全部订阅</source>
        <translation>每隔多久自動更新全部訂閱</translation>
    </message>
</context>
<context>
    <name>VocabularyModel</name>
    <message>
        <source>词语</source>
        <translation>詞語</translation>
    </message>
    <message>
        <source>读音</source>
        <translation>讀音</translation>
    </message>
    <message>
        <source>释义</source>
        <translation>釋義</translation>
    </message>
    <message>
        <source>例句</source>
        <translation>例句</translation>
    </message>
    <message>
        <source>文章</source>
        <translation>文章</translation>
    </message>
    <message>
        <source>加入日期</source>
        <translation>加入日期</translation>
    </message>
    <message>
        <source>已掌握</source>
        <translation>已掌握</translation>
    </message>
</context>
<context>
    <name>VocabularyWindow</name>
    <message>
        <source>生词本</source>
        <translation>生詞本</translation>
    </message>
    <message>
        <source>搜索生词本（词语、读音、释义、例句、文章），简繁通用</source>
        <translation>搜尋生詞本（詞語、讀音、釋義、例句、文章），簡繁通用</translation>
    </message>
    <message>
        <source>标为已掌握</source>
        <translation>標為已掌握</translation>
    </message>
    <message>
        <source>标为学习中</source>
        <translation>標為學習中</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>刪除</translation>
    </message>
    <message>
        <source>撤销删除</source>
        <translation>復原刪除</translation>
    </message>
    <message>
        <source>导出到 Anki…</source>
        <translation>匯出到 Anki…</translation>
    </message>
    <message>
        <source>导出 CSV…</source>
        <translation>匯出 CSV…</translation>
    </message>
    <message>
        <source>删除选中的词 (Delete)</source>
        <translation>刪除選取的詞 (Delete)</translation>
    </message>
    <message>
        <source>放回刚删除的词 (Ctrl+Z)</source>
        <translation>放回剛刪除的詞 (Ctrl+Z)</translation>
    </message>
    <message numerus="yes">
        <source>%n 个词</source>
        <translation>
            <numerusform>%n 個詞</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>找到 %n 个词</source>
        <translation>
            <numerusform>找到 %n 個詞</numerusform>
        </translation>
    </message>
    <message>
        <source>无法读取生词本：{}</source>
        <translation>無法讀取生詞本：{}</translation>
    </message>
    <message numerus="yes">
        <source>已标为已掌握：%n 个词</source>
        <translation>
            <numerusform>已標為已掌握：%n 個詞</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>已标为学习中：%n 个词</source>
        <translation>
            <numerusform>已標為學習中：%n 個詞</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>已删除 %n 个词（Ctrl+Z 撤销）</source>
        <translation>
            <numerusform>已刪除 %n 個詞（Ctrl+Z 復原）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>已放回 %n 个词</source>
        <translation>
            <numerusform>已放回 %n 個詞</numerusform>
        </translation>
    </message>
    <message>
        <source>「{}」没有记下出处的文章</source>
        <translation>「{}」沒有記下出處的文章</translation>
    </message>
    <message>
        <source>这篇文章不在主窗口的列表里（也许被筛选、移到了回收站或已删除）</source>
        <translation>這篇文章不在主視窗的列表裡（也許被篩選、移到了資源回收筒或已刪除）</translation>
    </message>
    <message>
        <source>Anki 卡组 (*.apkg)</source>
        <translation>Anki 卡組 (*.apkg)</translation>
    </message>
    <message>
        <source>CSV 表格 (*.csv)</source>
        <translation>CSV 表格 (*.csv)</translation>
    </message>
    <message>
        <source>导出生词本</source>
        <translation>匯出生詞本</translation>
    </message>
    <message>
        <source>导出失败：{}</source>
        <translation>匯出失敗：{}</translation>
    </message>
    <message numerus="yes">
        <source>已导出 %n 个词到 {}</source>
        <translation>
            <numerusform>已匯出 %n 個詞到 {}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WordLists</name>
    <message>
        <source>关注词</source>
        <translation>關注詞</translation>
    </message>
    <message>
        <source>每行一个词。提到它们的地方会在每篇文章里标出来：</source>
        <translation>每行一個詞。提到它們的地方會在每篇文章裡標出來：</translation>
    </message>
    <message>
        <source>用户词典</source>
        <translation>使用者詞典</translation>
    </message>
    <message>
        <source>每行一个词，分词时当作一个整体（记者署名中的人名会自动加入）：</source>
        <translation>每行一個詞，分詞時當作一個整體（記者署名中的人名會自動加入）：</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>阅报 Reader</source>
        <translation>閱報 Reader</translation>
    </message>
</context>
<context>
    <name>dialogs</name>
    <message>
        <source>修正转换</source>
        <translation>修正轉換</translation>
    </message>
    <message>
        <source>原文「{original}」在此视图中显示为「{shown}」。
以后所有文章都按你的写法显示，请输入：</source>
        <translation>原文「{original}」在此檢視中顯示為「{shown}」。
以後所有文章都按你的寫法顯示，請輸入：</translation>
    </message>
</context>
</TS>
